"""The words of follow-ups: kinds, satisfaction answers, yes/no, and their parsers."""

from __future__ import annotations



from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.validation import normalise_text


# ---------------------------------------------------------------- vocabulary
KIND_LABELS: dict[str, str] = {
    "install_first": "安装后首次回访",
    "install_second": "安装后第二次回访（约3个月）",
    "install_third": "安装后第三次回访（6个月）",
    "service_first": "服务后首次回访",
    "service_second": "服务后第二次回访",
    "satisfaction": "结案满意度回访",
    "inspection": "巡检",
    "extra": "其他回访",
}
CALL_KINDS = tuple(k for k in KIND_LABELS if k != "inspection")
SERVICE_TYPES = ("repair", "complaint", "technical_service")

SATISFACTION_LABELS: dict[str, str] = {
    "very_satisfied": "非常满意",
    "satisfied": "满意",
    "neutral": "一般",
    "dissatisfied": "不满意",
}
# What counts as a satisfied customer in 客户满意度 (DOMAIN §6).
SATISFIED = ("very_satisfied", "satisfied")
STATUS_LABELS = {"pending": "待办", "done": "已完成", "cancelled": "已取消"}
YES_NO = ("是", "否")
# What clerks write in 投诉内容 when there was no complaint (compared after
# trimming; full-width dashes too).
NO_COMPLAINT = frozenset({"", "否", "无", "没有", "没", "—", "-", "－", "——", "--", "无投诉"})


def normalise_complaint(value: object) -> str:
    """The complaint text of a call, or "" when the clerk wrote "no complaint"
    (否 / 无 / 没有 / 没 / — / - / 无投诉 / blank). The import, the call dialog
    and record_call all go through here, so only real text opens a ticket."""
    text = normalise_text(value)
    if text.replace("\u3000", " ").strip() in NO_COMPLAINT:
        return ""
    return text


def parse_satisfaction(value: object, field: str = "satisfaction") -> str | None:
    """Key, Chinese label, or a 1-5 score (5 非常满意, 4 满意, 3 一般, 1-2 不满意)."""
    text = normalise_text(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not text:
        return None
    if text in SATISFACTION_LABELS:
        return text
    for key, label in SATISFACTION_LABELS.items():
        if text == label:
            return key
    scores = {"5": "very_satisfied", "4": "satisfied", "3": "neutral", "2": "dissatisfied",
              "1": "dissatisfied"}
    if text in scores:
        return scores[text]
    raise ValidationError(
        f'"{value}" is not a satisfaction answer (非常满意 / 满意 / 一般 / 不满意, or 1-5)', field)


def parse_yes_no(value: object, field: str) -> bool | None:
    text = normalise_text(value).lower()
    if isinstance(value, bool):
        return value
    if text in ("是", "y", "yes", "true", "1", "接通", "已接通"):
        return True
    if text in ("否", "n", "no", "false", "0", "未接通"):
        return False
    if not text:
        return None
    raise ValidationError(f'"{value}" must be 是 or 否', field)
