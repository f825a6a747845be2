"""One module per worksheet. Each declares REQUIRED_MESSAGES (the wording it reads from the
worksheet's YAML), PLACEHOLDERS (the {names} it fills) and build(answers, say, out)."""
from __future__ import annotations

from . import check_in, feedback, network, recharge, reflect, rejection_log, reply

ENGINES = {
    "check-in": check_in,
    "reply": reply,
    "feedback": feedback,
    "reflect": reflect,
    "log": rejection_log,
    "network": network,
    "recharge": recharge,
}
