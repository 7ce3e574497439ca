"""The 兑现 ledger's rules (pure Python, no Qt, no SQL): after the offer, what is promised, due, paid, held and
recovered, per firm, item and year.

- `actuals` / `actuals_io`: what really happened each year, each figure with its evidence; the strict reader.
- `commitment`: an issued or accepted letter as the ledger reads it (policy version pinned, promise frozen).
- `due`: the engine under the letter's policy version, fed the actuals and what was already paid.
- `differences`: why due differs from promised, in words.
- `steps` / `claims`: the claim's steps (申报 → 审核 → 公示 → 拨付, 暂缓, 终止, 追回) and the rules each keeps.
- `clawback`: what the policy's clawback conditions oblige a firm that moved out to repay.
- `statement`: one firm's ledger, assembled; `working_days`: notice periods and deadlines.
"""
