"""A writer process for the kill -9 harness: registers cases and walks them through the lifecycle, printing
``ACK <number> <step>`` only after each transaction has committed."""

from __future__ import annotations

import sys
from pathlib import Path

from govdesk.domain.lifecycle import Action
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import perform
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.store import Store

MEDIATOR = Actor("耐久测试", "director", "durability")
STEPS: list[tuple[Action, dict[str, object]]] = [
    (Action.ACCEPT, {"mediators": ["张调解"]}),
    (Action.MEDIATE, {"content": "调解过程记录。" * 20}),
    (Action.AGREE, {"matters": "争议事项", "obligations": [{"obligor": "李某", "obligee": "王某", "content": "赔偿500元", "amount": "500"}]}),
    (Action.SIGN, {"party": 1}),
]


def main() -> None:
    store = Store.open(Path(sys.argv[1]), writer=True)
    i = 0
    while True:
        i += 1
        draft = parse_registration({
            "title": f"耐久测试纠纷{i}", "kind": "dispute", "category": "邻里", "facts": "事实经过。" * 50,
            "parties": [{"role": "applicant", "name": f"王某{i}"}, {"role": "respondent", "name": "李某"}],
        })  # fmt: skip
        number = register_case(store, MEDIATOR, draft).number
        print(f"ACK {number} register", flush=True)
        for action, data in STEPS:
            perform(store, MEDIATOR, number, action, data)
            print(f"ACK {number} {action.value}", flush=True)


if __name__ == "__main__":
    main()
