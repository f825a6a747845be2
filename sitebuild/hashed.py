"""Files of the built site named by their content, so a browser never keeps an old copy under a
name: assets/engine/content-<hash>.json, tone-model-<hash>.txt, care-model-<hash>.txt and stdlib-<hash>.zip."""
from __future__ import annotations

import hashlib
from pathlib import Path


def write_named_by_hash(dest_dir: Path, stem: str, suffix: str, data: bytes) -> Path:
    """`data` as <stem>-<hash><suffix> in dest_dir, in place of any earlier one."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    for old in dest_dir.glob(f"{stem}-*{suffix}"):
        old.unlink()
    path = dest_dir / f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    path.write_bytes(data)
    return path
