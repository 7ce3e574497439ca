"""The pipeline's vocabulary (招商阶段): stages, their labels, the plan horizon.

Apart from `firm` so the firm list can start without the whole domain model (its dataclasses
take a few milliseconds to build, and the list needs only these words).
"""

from __future__ import annotations

from enum import StrEnum

DEFAULT_HORIZON = 5  # years of a firm's plans simulated, from its start year


class Stage(StrEnum):
    """Pipeline stage (招商阶段), in order; TERMINATED (终止) carries a reason."""

    LEAD = "lead"  # 线索
    CONTACT = "contact"  # 接洽
    NEGOTIATING = "negotiating"  # 在谈
    POLICY_TALKS = "policy_talks"  # 政策商议
    SIGNED = "signed"  # 签约
    LANDED = "landed"  # 落地
    PRODUCING = "producing"  # 投产
    TERMINATED = "terminated"  # 终止


STAGE_LABELS: dict[Stage, tuple[str, str]] = {
    Stage.LEAD: ("线索", "Lead"),
    Stage.CONTACT: ("接洽", "Contact"),
    Stage.NEGOTIATING: ("在谈", "Negotiating"),
    Stage.POLICY_TALKS: ("政策商议", "Policy talks"),
    Stage.SIGNED: ("签约", "Signed"),
    Stage.LANDED: ("落地", "Landed"),
    Stage.PRODUCING: ("投产", "Producing"),
    Stage.TERMINATED: ("终止", "Terminated"),
}
