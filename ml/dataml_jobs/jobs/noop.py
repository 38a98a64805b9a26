"""A step that does nothing but report: what a step costs on its own (`npm run bench -- jobs`).

Input: {}. Output: {ok: true}.
"""

from __future__ import annotations

import sys
from typing import Any

from ..common.runner import run_job
from ..common.settings import Settings


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
    return {"ok": True}


if __name__ == "__main__":
    sys.exit(run_job(main))
