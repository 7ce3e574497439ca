<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
    <context>
        <name />
        <message>
            <location filename="../../qt_app/ui/budget_table.py" line="+80" />
            <source>每格填写该事项该年度的预算，如 800万；留空为未设预算。</source>
            <translation>Type each item's budget for the year, e.g. 800万; empty means no budget.</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/exposure_report_model.py" line="+45" />
            <location filename="../../qt_app/ui/ledger/actuals_dialog.py" line="+150" />
            <location filename="../../qt_app/ui/ledger/parts.py" line="+32" />
            <location line="+97" />
            <location line="+22" />
            <location filename="../../qt_app/ui/ledger/step_dialog.py" line="+347" />
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qt_app/ui/ledger/parts.py" line="-118" />
            <location line="+119" />
            <location filename="../../qt_app/ui/ledger/step_dialog.py" line="-4" />
            <source>事项</source>
            <translation>Item</translation>
        </message>
        <message>
            <location line="+1" />
            <source>全额</source>
            <translation>in full</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按阶段加权</source>
            <translation>Weighted by stage</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已承诺</source>
            <translation>Committed</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qt_app/ui/ledger/parts.py" line="-117" />
            <source>应兑现</source>
            <translation>Due</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qt_app/ui/ledger/parts.py" line="+1" />
            <location line="+120" />
            <source>已拨付</source>
            <translation>Paid</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qt_app/ui/ledger/parts.py" line="-118" />
            <source>已追回</source>
            <translation>Recovered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>年度预算</source>
            <translation>Budget</translation>
        </message>
        <message>
            <location line="+1" />
            <source>资金池</source>
            <translation>Pool</translation>
        </message>
        <message>
            <location line="+1" />
            <source>资金池余额</source>
            <translation>Pool left</translation>
        </message>
        <message>
            <location line="+6" />
            <source>全部在谈企业按全额计（假设全部落地）</source>
            <translation>Every firm in the pipeline counted in full (as if all land)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>每家企业的政策包乘以其招商阶段的落地概率</source>
            <translation>Each firm's package times the likelihood of its stage</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已出具或已接受的告知函承诺的金额</source>
            <translation>What issued or accepted letters promise</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按企业报送的实绩、依告知函的政策版本计算的应兑现金额</source>
            <translation>Due on the actuals firms reported, under each letter's policy version</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已拨付（按兑现年度计）</source>
            <translation>Paid (by the year the award is for)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已追回并退还的金额</source>
            <translation>Recovered and repaid</translation>
        </message>
        <message>
            <location line="+1" />
            <source>在“设置”中按事项和年度设定的预算</source>
            <translation>The budget set per item and year in Settings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>政策规定的年度资金池</source>
            <translation>The annual pool the policy sets</translation>
        </message>
        <message>
            <location line="+1" />
            <source>资金池减去已实际发放的金额（算力券按已发放计）</source>
            <translation>The pool less what was actually given out (vouchers issued)</translation>
        </message>
        <message>
            <location line="+53" />
            <source>超过{year}年预算 {budget}</source>
            <translation>Above the {year} budget of {budget}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>超过年度资金池 {pool}</source>
            <translation>Above the annual pool of {pool}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>资金池已超支</source>
            <translation>The pool is overspent</translation>
        </message>
        <message>
            <location line="+13" />
            <location filename="../../qt_app/ui/ledger/parts.py" line="+44" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/ledger/actuals_dialog.py" line="-97" />
            <location filename="../../qt_app/ui/ledger/parts.py" line="+47" />
            <source>文号或编号</source>
            <translation>Document number</translation>
        </message>
        <message>
            <location line="+3" />
            <source>材料日期</source>
            <translation>Document date</translation>
        </message>
        <message>
            <location line="+2" />
            <source>附扫描件…</source>
            <translation>Attach scan…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>已附扫描件：{name}</source>
            <translation>Scan attached: {name}</translation>
        </message>
        <message>
            <location line="+9" />
            <location filename="../../qt_app/ui/ledger/parts.py" line="+0" />
            <source>证明材料</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../../qt_app/ui/ledger/actuals_tables.py" line="+169" />
            <source>选择扫描件</source>
            <translation>Choose a scan</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../qt_app/ui/ledger/actuals_tables.py" line="+0" />
            <source>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.ofd)</source>
            <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.ofd)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>已选扫描件：{name}（保存时按内容哈希存入数据文件夹）</source>
            <translation>Scan chosen: {name} (kept in the data folder under its hash when saved)</translation>
        </message>
        <message>
            <location line="+31" />
            <source>登记实绩</source>
            <translation>Record actuals</translation>
        </message>
        <message>
            <location line="+2" />
            <source>按年度登记企业的实际情况，每项须附证明材料（类型、文号、日期，可附扫描件）。金额可写 4200万、1.2亿。</source>
            <translation>Record what the firm really did in one year; every figure needs its document (type, number, date, and a scan if you have it). Amounts may be typed as 4200万 or 1.2亿.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>如 2026</source>
            <translation>e.g. 2026</translation>
        </message>
        <message>
            <location line="+3" />
            <source>报送日期</source>
            <translation>Reported on</translation>
        </message>
        <message>
            <location line="+0" />
            <source>可不填</source>
            <translation>optional</translation>
        </message>
        <message>
            <location line="+9" />
            <source>金额</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location line="+0" />
            <source>不填即本年未发生</source>
            <translation>leave empty when there was none</translation>
        </message>
        <message>
            <location line="+7" />
            <source>（本年未租赁）</source>
            <translation>(no lease this year)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>入驻载体</source>
            <translation>Site</translation>
        </message>
        <message>
            <location line="+3" />
            <source>面积（㎡）</source>
            <translation>Area (m²)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 800</source>
            <translation>e.g. 800</translation>
        </message>
        <message>
            <location line="+1" />
            <source>租金（元/㎡/天）</source>
            <translation>Rent (yuan/m²/day)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 1.2</source>
            <translation>e.g. 1.2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>入驻日期</source>
            <translation>Move-in date</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 2026-01-01</source>
            <translation>e.g. 2026-01-01</translation>
        </message>
        <message>
            <location line="+1" />
            <source>迁出日期</source>
            <translation>Moved out</translation>
        </message>
        <message>
            <location line="+0" />
            <source>未迁出不填</source>
            <translation>empty unless it moved out</translation>
        </message>
        <message>
            <location line="+13" />
            <location filename="../../qt_app/ui/ledger/step_dialog.py" line="+8" />
            <source>备注</source>
            <translation>Remark</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/ledger/panel_actions.py" line="+103" />
            <source>所选材料没有扫描件，或扫描件不在数据文件夹中。</source>
            <translation>The selected document has no scan, or the scan is not in the data folder.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>导入实绩文件</source>
            <translation>Import actuals file</translation>
        </message>
        <message>
            <location line="+0" />
            <source>实绩文件 (*.json *.xlsx)</source>
            <translation>Actuals files (*.json *.xlsx)</translation>
        </message>
        <message>
            <location line="+87" />
            <source>兑现对账单</source>
            <translation>Payment statement</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+19" />
            <source>已保存：{path}</source>
            <translation>Saved: {path}</translation>
        </message>
        <message>
            <location line="-8" />
            <source>兑现审核表</source>
            <translation>Review sheet</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/ledger/papers.py" line="+48" />
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <location line="+12" />
            <source>另存为</source>
            <translation>Save as</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>无法保存</source>
            <translation>Cannot save</translation>
        </message>
        <message>
            <location line="+14" />
            <source>另存为…</source>
            <translation>Save as…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+19" />
            <location line="+27" />
            <source>导出兑现情况表</source>
            <translation>Export payments report</translation>
        </message>
        <message>
            <location line="-22" />
            <source>起始日期</source>
            <translation>Since</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 2027-01-01</source>
            <translation>e.g. 2027-01-01</translation>
        </message>
        <message>
            <location line="+2" />
            <source>截止日期</source>
            <translation>To</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 2027-12-31</source>
            <translation>e.g. 2027-12-31</translation>
        </message>
        <message>
            <location line="+1" />
            <source>保存到</source>
            <translation>Save to</translation>
        </message>
        <message>
            <location line="+1" />
            <source>选择…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qt_app/ui/ledger/step_dialog.py" line="-253" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/ledger/parts.py" line="-95" />
            <source>承诺</source>
            <translation>Promised</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+120" />
            <source>暂缓</source>
            <translation>Held</translation>
        </message>
        <message>
            <location line="-118" />
            <location filename="../../qt_app/ui/ledger/step_dialog.py" line="+130" />
            <source>说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+34" />
            <source>{year}年合计</source>
            <translation>{year} total</translation>
        </message>
        <message>
            <location line="+20" />
            <source>差异说明</source>
            <translation>Why due differs</translation>
        </message>
        <message>
            <location line="+0" />
            <source>兑现情况</source>
            <translation>Payment</translation>
        </message>
        <message>
            <location line="+0" />
            <source>应兑现依据（逐条）</source>
            <translation>Due, clause by clause</translation>
        </message>
        <message>
            <location line="+36" />
            <source>项目</source>
            <translation>Projects</translation>
        </message>
        <message>
            <location line="+0" />
            <source>实绩</source>
            <translation>Actual</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+50" />
            <location filename="../../qt_app/ui/ledger/step_dialog.py" line="-82" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="-50" />
            <source>扫描件</source>
            <translation>Scan</translation>
        </message>
        <message>
            <location line="+11" />
            <source>缺失（数据文件夹中没有）</source>
            <translation>missing (not in the data folder)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>未附</source>
            <translation>none</translation>
        </message>
        <message>
            <location line="+11" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>申报</source>
            <translation>Applied</translation>
        </message>
        <message>
            <location line="+1" />
            <source>核定</source>
            <translation>Approved</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../qt_app/ui/ledger/step_dialog.py" line="+202" />
            <source>申报日期</source>
            <translation>Applied on</translation>
        </message>
        <message>
            <location line="+10" />
            <source>（有异议）</source>
            <translation> (objection open)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>环节</source>
            <translation>Step</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../qt_app/ui/ledger/step_dialog.py" line="-69" />
            <source>内容</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>经办人</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <location line="+19" />
            <source>期限：</source>
            <translation>Deadlines: </translation>
        </message>
        <message>
            <location line="+2" />
            <source>（另{n}项）</source>
            <translation> ({n} more)</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/ledger/step_dialog.py" line="-231" />
            <location line="+285" />
            <source>申报兑现</source>
            <translation>Apply</translation>
        </message>
        <message>
            <location line="-284" />
            <source>审核</source>
            <translation>Review</translation>
        </message>
        <message>
            <location line="+1" />
            <source>公示</source>
            <translation>Public notice</translation>
        </message>
        <message>
            <location line="+1" />
            <source>登记异议</source>
            <translation>Objection</translation>
        </message>
        <message>
            <location line="+1" />
            <source>异议处理</source>
            <translation>Resolve objection</translation>
        </message>
        <message>
            <location line="+1" />
            <source>拨付</source>
            <translation>Pay</translation>
        </message>
        <message>
            <location line="+1" />
            <source>验收</source>
            <translation>Accept</translation>
        </message>
        <message>
            <location line="+1" />
            <source>暂缓拨付</source>
            <translation>Hold</translation>
        </message>
        <message>
            <location line="+1" />
            <source>恢复</source>
            <translation>Resume</translation>
        </message>
        <message>
            <location line="+1" />
            <source>终止</source>
            <translation>Terminate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>追回</source>
            <translation>Recover</translation>
        </message>
        <message>
            <location line="+1" />
            <source>退还</source>
            <translation>Repayment</translation>
        </message>
        <message>
            <location line="+38" />
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <location line="+49" />
            <source>如 2027-04-01</source>
            <translation>e.g. 2027-04-01</translation>
        </message>
        <message>
            <location line="+18" />
            <source>{item} {year}年 · 当前状态：{state} · 申报 {requested} · 核定 {approved} · 已拨付 {paid}</source>
            <translation>{item} {year} · now {state} · applied {requested} · approved {approved} · paid {paid}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>审核通过</source>
            <translation>Approved</translation>
        </message>
        <message>
            <location line="+1" />
            <source>不予通过</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <location line="+1" />
            <source>审核结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <location line="+1" />
            <source>核定金额</source>
            <translation>Approved amount</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 150万</source>
            <translation>e.g. 150万</translation>
        </message>
        <message>
            <location line="+1" />
            <source>审核人</source>
            <translation>Reviewer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>审核部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 县经信局</source>
            <translation>e.g. county economy bureau</translation>
        </message>
        <message>
            <location line="+1" />
            <source>意见（不予通过须填写理由）</source>
            <translation>Remarks (the reason, when rejected)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+23" />
            <source>超额理由</source>
            <translation>Reason for exceeding</translation>
        </message>
        <message>
            <location line="-23" />
            <location line="+23" />
            <source>仅在超过应兑现金额时填写，记入审计日志</source>
            <translation>Only when above the amount due; kept in the audit log</translation>
        </message>
        <message>
            <location line="-17" />
            <source>公示截止</source>
            <translation>Notice ends</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+54" />
            <source>留空＝{n}个工作日</source>
            <translation>Empty = {n} working days</translation>
        </message>
        <message>
            <location line="-51" />
            <source>节假日未计入：{note}</source>
            <translation>Public holidays not counted: {note}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>异议内容</source>
            <translation>Objection</translation>
        </message>
        <message>
            <location line="+0" />
            <source>处理意见</source>
            <translation>Resolution</translation>
        </message>
        <message>
            <location line="+3" />
            <source>本期拨付金额</source>
            <translation>This tranche</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 75万</source>
            <translation>e.g. 75万</translation>
        </message>
        <message>
            <location line="+2" />
            <source>拨款文号（支付令号）</source>
            <translation>Payment order number</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 青财拨〔2027〕11号</source>
            <translation>e.g. 青财拨〔2027〕11号</translation>
        </message>
        <message>
            <location line="+8" />
            <source>预留 {held} 须验收后拨付</source>
            <translation>{held} is held back until acceptance</translation>
        </message>
        <message>
            <location line="+3" />
            <source>验收人</source>
            <translation>Accepted by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>验收意见</source>
            <translation>Acceptance remarks</translation>
        </message>
        <message>
            <location line="+2" />
            <source>暂缓原因</source>
            <translation>Reason for the hold</translation>
        </message>
        <message>
            <location line="+4" />
            <source>终止原因</source>
            <translation>Reason for terminating</translation>
        </message>
        <message>
            <location line="+4" />
            <source>追回金额</source>
            <translation>Amount to recover</translation>
        </message>
        <message>
            <location line="+0" />
            <source>最多 {room}</source>
            <translation>At most {room}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>追回依据</source>
            <translation>Basis</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 企业迁出，按第十一条追回</source>
            <translation>e.g. moved out; recovered under Art. 11</translation>
        </message>
        <message>
            <location line="+2" />
            <source>（无，按决定）</source>
            <translation>(none: a decision)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>追回条件</source>
            <translation>Clawback condition</translation>
        </message>
        <message>
            <location line="+3" />
            <source>退还金额</source>
            <translation>Amount repaid</translation>
        </message>
        <message>
            <location line="+0" />
            <source>如 20万</source>
            <translation>e.g. 20万</translation>
        </message>
        <message>
            <location line="+1" />
            <source>收款凭证号</source>
            <translation>Receipt number</translation>
        </message>
        <message>
            <location line="+13" />
            <source>留空＝{n}个工作日，至 {end}</source>
            <translation>Empty = {n} working days, to {end}</translation>
        </message>
        <message>
            <location line="+76" />
            <source>为一个事项、一个年度申报兑现；申报金额留空即为应兑现且尚未拨付的金额。</source>
            <translation>Apply for one item and year; an empty amount applies for what is due and not yet paid.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>申报金额</source>
            <translation>Amount applied for</translation>
        </message>
        <message>
            <location line="+0" />
            <source>留空＝应兑现且尚未拨付的金额</source>
            <translation>Empty = what is due and not yet paid</translation>
        </message>
        <message>
            <location line="+1" />
            <source>申报人</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/ledger/actuals_tables.py" line="-70" />
            <source>添加一行</source>
            <translation>Add row</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除所选行</source>
            <translation>Remove selected rows</translation>
        </message>
        <message>
            <location line="+1" />
            <source>为所选行附扫描件…</source>
            <translation>Attach scan to selected row…</translation>
        </message>
        <message>
            <location line="+65" />
            <location line="+14" />
            <source>请先选中要附扫描件的一行</source>
            <translation>Select the row the scan belongs to first</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{name}（待存入）</source>
            <translation>{name} (kept on recording)</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <location filename="../../qt_app/ui/actions.py" line="+36" />
            <source>新建企业</source>
            <translation>New firm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>复制企业</source>
            <translation>Duplicate firm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>新建方案…</source>
            <translation>New variant…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除企业</source>
            <translation>Delete firm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>回收站…</source>
            <translation>Trash…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>变更阶段…</source>
            <translation>Change stage…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>添加联络记录…</source>
            <translation>Add contact entry…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>搜索企业</source>
            <translation>Find firm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>会谈模式</source>
            <translation>Meeting mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>设置…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入企业…</source>
            <translation>Import firms…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>立即备份</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <location line="+1" />
            <source>打开数据文件夹</source>
            <translation>Open data folder</translation>
        </message>
        <message>
            <location line="+1" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>企业库</source>
            <translation>Firms</translation>
        </message>
        <message>
            <location line="+1" />
            <source>政策测算</source>
            <translation>Package</translation>
        </message>
        <message>
            <location line="+1" />
            <source>方案对比</source>
            <translation>Variants</translation>
        </message>
        <message>
            <location line="+1" />
            <source>预算敞口</source>
            <translation>Exposure</translation>
        </message>
        <message>
            <location line="+1" />
            <source>政策库</source>
            <translation>Policies</translation>
        </message>
        <message>
            <location line="+1" />
            <source>告知函</source>
            <translation>Letters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>兑现台账</source>
            <translation>Payments</translation>
        </message>
        <message>
            <location line="+1" />
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <location line="+6" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location line="+15" />
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location line="+15" />
            <source>视图(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location line="+13" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../qt_app/app.py" line="+79" />
            <source>无法启动</source>
            <translation>Cannot start</translation>
        </message>
        <message>
            <location line="+16" />
            <source>无法打开数据库</source>
            <translation>Cannot open the database</translation>
        </message>
        <message>
            <location line="+5" />
            <source>可以用最近的完好备份替换损坏的文件（损坏的文件会改名保留）。</source>
            <translation>The damaged file can be replaced by the newest good backup (the damaged file is kept under another name).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>用最近的备份恢复</source>
            <translation>Restore the newest backup</translation>
        </message>
        <message>
            <location line="+2" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location line="+25" />
            <source>恢复失败</source>
            <translation>Restore failed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>无法用备份替换数据库文件：{why}</source>
            <translation>Cannot replace the database file with the backup: {why}</translation>
        </message>
    </context>
    <context>
        <name>BatchDialog</name>
        <message>
            <location filename="../../qt_app/ui/letters/batch.py" line="+49" />
            <source>批量生成告知函</source>
            <translation>Batch letters</translation>
        </message>
        <message>
            <location line="+4" />
            <source>按企业名称筛选</source>
            <translation>Filter by firm name</translation>
        </message>
        <message>
            <location line="+5" />
            <source>全选</source>
            <translation>Select all</translation>
        </message>
        <message>
            <location line="+2" />
            <source>全不选</source>
            <translation>Select none</translation>
        </message>
        <message>
            <location line="+10" />
            <source>中文</source>
            <translation>Chinese</translation>
        </message>
        <message>
            <location line="+1" />
            <source>中文 + 英文（境外投资者）</source>
            <translation>Chinese + English (overseas investors)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>选择…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>语言：</source>
            <translation>Language:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>保存到：</source>
            <translation>Save to:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>开始生成</source>
            <translation>Start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+5" />
            <source>勾选要生成告知函（草稿，按基准方案）的企业：</source>
            <translation>Tick the firms to write letters for (drafts, base plan):</translation>
        </message>
        <message>
            <location line="+16" />
            <source>（未命名企业）</source>
            <translation>(unnamed firm)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>已选 {n} 家</source>
            <translation>{n} selected</translation>
        </message>
        <message>
            <location line="+4" />
            <source>选择保存告知函的文件夹</source>
            <translation>Choose the folder for the letters</translation>
        </message>
    </context>
    <context>
        <name>BatchRun</name>
        <message>
            <location line="+80" />
            <source>正在生成告知函…</source>
            <translation>Writing letters…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>批量生成告知函</source>
            <translation>Batch letters</translation>
        </message>
        <message>
            <location line="+17" />
            <source>正在停止…</source>
            <translation>Stopping…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>正在生成第 {i} / {n} 份：{name}</source>
            <translation>Writing {i} of {n}: {name}</translation>
        </message>
    </context>
    <context>
        <name>ComparePanel</name>
        <message>
            <location filename="../../qt_app/ui/compare_view.py" line="+131" />
            <source>选择两到四个方案：</source>
            <translation>Choose two to four variants:</translation>
        </message>
        <message>
            <location line="+184" />
            <location line="+21" />
            <source>设为报价方案</source>
            <translation>Make this the offer</translation>
        </message>
        <message>
            <location line="-195" />
            <location line="+132" />
            <source>未选择企业</source>
            <translation>No firm selected</translation>
        </message>
        <message>
            <location line="-140" />
            <source>括号内为与第一列相比的差额；绿色为更多，红色为更少；指向事项可看各年度。</source>
            <translation>In brackets: the difference from the first column; green is more, red is less; point at an item for its years.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>新建方案…</source>
            <translation>New variant…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>从所选方案出发新建一个测算方案</source>
            <translation>Start a new variant from the one chosen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>方案操作</source>
            <translation>Actions</translation>
        </message>
        <message>
            <location line="+45" />
            <source>基准方案</source>
            <translation>Base plan</translation>
        </message>
        <message>
            <location line="+6" />
            <source>保守方案（营收×0.7）</source>
            <translation>Conservative (revenue × 0.7)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>乐观方案（营收×1.3）</source>
            <translation>Optimistic (revenue × 1.3)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>改入驻{site}</source>
            <translation>Move to {site}</translation>
        </message>
        <message>
            <location line="+60" />
            <source>最多同时比较四个方案。</source>
            <translation>At most four variants can be compared at once.</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+47" />
            <source>请至少选择两个方案。</source>
            <translation>Choose at least two variants.</translation>
        </message>
        <message>
            <location line="-16" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{year}小计</source>
            <translation>{year} subtotal</translation>
        </message>
        <message>
            <location line="+7" />
            <source>（未命名企业）</source>
            <translation>(unnamed firm)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{firm} · 方案对比</source>
            <translation>{firm} · variants compared</translation>
        </message>
        <message>
            <location line="+7" />
            <source>各方案政策包合计（按类别）</source>
            <translation>Package total per variant (by category)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>✓ 当前报价方案</source>
            <translation>✓ The offer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>会谈模式和新的告知函使用此方案</source>
            <translation>Meeting mode and new letters use this variant</translation>
        </message>
        <message>
            <location line="+2" />
            <source>政策假设，不可报价</source>
            <translation>Policy assumption: not offered</translation>
        </message>
        <message>
            <location line="+6" />
            <source>把“{label}”设为本企业的报价方案</source>
            <translation>Make “{label}” this firm's offer</translation>
        </message>
        <message>
            <location line="+28" />
            <source>已将“{name}”设为报价方案：会谈模式和告知函将使用此方案</source>
            <translation>“{name}” is now the offer: meeting mode and letters use it</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/compare_model.py" line="+93" />
            <source>{item}，按年度：</source>
            <translation>{item}, by year:</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="../../qt_app/ui/conflicts_dialog.py" line="+38" />
            <source>数据包冲突</source>
            <translation>Bundle conflicts</translation>
        </message>
        <message>
            <location line="+4" />
            <source>导入数据包时，两边都修改过的企业档案和两边登记不同的实绩不会被覆盖，列在这里。请逐条选择保留哪一份；选择随下次数据包传给对方。</source>
            <translation>When a bundle is imported, firm records changed on both sides and actuals recorded differently on both sides are not overwritten: they are listed here. Choose which version to keep for each; the choice travels with the next bundle.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>没有待处理的冲突。</source>
            <translation>No conflicts waiting.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>保留本机的版本</source>
            <translation>Keep this office's version</translation>
        </message>
        <message>
            <location line="+2" />
            <source>保留对方的版本</source>
            <translation>Keep the other side's version</translation>
        </message>
        <message>
            <location line="+6" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+25" />
            <source>本机：{local}　对方：{remote}</source>
            <translation>Here: {local}   Other side: {remote}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>不同之处：{fields}</source>
            <translation>Differs: {fields}</translation>
        </message>
    </context>
    <context>
        <name>ContactDialog</name>
        <message>
            <location filename="../../qt_app/ui/firm_dialogs.py" line="+76" />
            <source>联络记录：{name}</source>
            <translation>Contact log: {name}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <location line="+1" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="+1" />
            <source>方式</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>联系人</source>
            <translation>With</translation>
        </message>
        <message>
            <location line="+1" />
            <source>内容</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>下一步</source>
            <translation>Next step</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../qt_app/ui/errors.py" line="+61" />
            <source>发生了意外错误，操作未完成。详细信息已写入日志文件 {log}。</source>
            <translation>An unexpected error stopped the action. The details were written to the log file {log}.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>无法完成操作</source>
            <translation>Cannot complete the action</translation>
        </message>
    </context>
    <context>
        <name>ExposurePanel</name>
        <message>
            <location filename="../../qt_app/ui/exposure_charts.py" line="+42" />
            <location filename="../../qt_app/ui/exposure_view.py" line="+184" />
            <source>按阶段加权</source>
            <translation>Weighted by stage</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/exposure_view.py" line="+1" />
            <source>全额（假设全部落地）</source>
            <translation>In full (if every firm lands)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>重新计算</source>
            <translation>Recalculate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>停止</source>
            <translation>Stop</translation>
        </message>
        <message>
            <location line="+1" />
            <source>每家企业的政策包乘以其招商阶段的落地概率</source>
            <translation>Each firm's package times the likelihood of its stage</translation>
        </message>
        <message>
            <location line="+2" />
            <source>尚未计算。</source>
            <translation>Not computed yet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>选择表格中的一个金额，查看背后的企业。</source>
            <translation>Select an amount in the table to see the firms behind it.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>招商敞口</source>
            <translation>Pipeline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>兑现与预算</source>
            <translation>Payments and budget</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已承诺（告知函）、应兑现（实绩）、已拨付，对照年度预算和资金池</source>
            <translation>Committed (letters), due (actuals) and paid, against each year's budget and the pools</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导出兑现情况表…</source>
            <translation>Export payments report…</translation>
        </message>
        <message>
            <location line="+29" />
            <source>正在汇总 {n} 家企业的政策包…</source>
            <translation>Adding up the packages of {n} firms…</translation>
        </message>
        <message>
            <location line="+22" />
            <source>正在汇总政策包：{done} / {total} 家企业</source>
            <translation>Adding up packages: {done} / {total} firms</translation>
        </message>
        <message>
            <location line="+4" />
            <source>已停止，显示的是上一次的结果。</source>
            <translation>Stopped; showing the previous result.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>计算未完成：{why}</source>
            <translation>Not computed: {why}</translation>
        </message>
        <message>
            <location line="+25" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+4" />
            <source>待认定（未计入）</source>
            <translation>Pending</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{n}家企业。加权合计 {weighted}；全额合计 {full}。按阶段：{stages}</source>
            <translation>{n} firms. Weighted total {weighted}; in full {full}. By stage: {stages}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <location line="+3" />
            <source>；另有待认定 {pending}（认定后可得，未计入）</source>
            <translation>; pending recognition: {pending} more (not counted)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>兑现：已承诺 {committed}；应兑现 {due}；已拨付 {paid}；已追回 {recovered}</source>
            <translation>Payments: committed {committed}; due {due}; paid {paid}; recovered {recovered}</translation>
        </message>
        <message>
            <location line="+58" />
            <source>金额</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>选择全额、已承诺或应兑现的金额，查看背后的企业。</source>
            <translation>Choose a full, committed or due amount to see the firms behind it.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{year} {item}（{column}）：{n}家企业（双击打开）</source>
            <translation>{year} {item} ({column}): {n} firms (double-click to open)</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/exposure_charts.py" line="+54" />
            <source>{year} {item}：预计支出 {amount}，超过年度资金池 {pool}</source>
            <translation>{year} {item}: expected {amount}, over the yearly pool of {pool}</translation>
        </message>
        <message>
            <location line="-52" />
            <source>全额</source>
            <translation>in full</translation>
        </message>
        <message>
            <location line="+5" />
            <source>各年度敞口（{mode}，按类别）</source>
            <translation>Exposure by year ({mode}, by category)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>没有企业</source>
            <translation>No firms</translation>
        </message>
        <message>
            <location line="+7" />
            <source>资金池</source>
            <translation>Pool</translation>
        </message>
        <message>
            <location line="+1" />
            <source>本政策没有年度资金池</source>
            <translation>This policy has no yearly pool</translation>
        </message>
        <message>
            <location line="+14" />
            <source>超出资金池</source>
            <translation>over pool</translation>
        </message>
        <message>
            <location line="+8" />
            <source>资金池 {pool}</source>
            <translation>pool {pool}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{item}与年度资金池</source>
            <translation>{item} against the yearly pool</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/exposure_view.py" line="-30" />
            <location line="+6" />
            <location line="+15" />
            <location line="+7" />
            <source>企业</source>
            <translation>Firm</translation>
        </message>
        <message>
            <location line="-28" />
            <location line="+6" />
            <source>金额（全额）</source>
            <translation>Amount (in full)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{year} {item}：{n}家企业（双击打开）</source>
            <translation>{year} {item}: {n} firms (double-click to open)</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/exposure_models.py" line="+101" />
            <source>待认定企业认定为相关领域后可得的金额（全额，各年合计），未计入敞口和资金池</source>
            <translation>What firms pending recognition would get once recognised (in full, all years); not counted in the exposure or against pools</translation>
        </message>
    </context>
    <context>
        <name>FirmEditor</name>
        <message>
            <location filename="../../qt_app/ui/editor_fields.py" line="+25" />
            <source>独立法人企业</source>
            <translation>Enterprise (legal person)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>研发机构</source>
            <translation>R&amp;D institution</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{grade}类</source>
            <translation>Grade {grade}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>未评价</source>
            <translation>Not rated</translation>
        </message>
        <message>
            <location line="+4" />
            <source>认定为元宇宙相关领域</source>
            <translation>Recognised as metaverse-related</translation>
        </message>
        <message>
            <location line="+1" />
            <source>认定不属于相关领域</source>
            <translation>Not recognised</translation>
        </message>
        <message>
            <location line="+24" />
            <source>与默认版本相同（不作政策假设）</source>
            <translation>The default version (no policy assumption)</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/firm_editor.py" line="+138" />
            <source>{name}（副本）</source>
            <translation>{name} (copy)</translation>
        </message>
        <message>
            <location line="+117" />
            <location line="+116" />
            <location filename="../../forms/firm_editor.ui" line="+20" />
            <source>新企业</source>
            <translation>New firm</translation>
        </message>
        <message>
            <location line="-114" />
            <source>新方案</source>
            <translation>New variant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{firm} · 方案：{variant}</source>
            <translation>{firm} · variant: {variant}</translation>
        </message>
        <message>
            <location line="+71" />
            <source>无法保存</source>
            <translation>Cannot save</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/editor_checks.py" line="+81" />
            <source>…另有 {n} 处问题</source>
            <translation>…and {n} more problems</translation>
        </message>
        <message>
            <location line="+26" />
            <source>（已附说明，可保存）</source>
            <translation> (note given: can be saved)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>（请在下方填写说明后保存）</source>
            <translation> (explain below to save)</translation>
        </message>
        <message>
            <location line="+28" />
            <source>未保存的修改</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“{name}”有未保存的修改。</source>
            <translation>“{name}” has unsaved changes.</translation>
        </message>
        <message>
            <location line="+6" />
            <location filename="../../forms/firm_editor.ui" line="+1041" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>放弃</source>
            <translation>Discard</translation>
        </message>
        <message>
            <location line="+1" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../forms/firm_editor.ui" line="-1047" />
            <source>企业信息</source>
            <translation>Firm</translation>
        </message>
        <message>
            <location line="+44" />
            <source>选择方案即在此编辑该方案；基准方案是企业申报的计划</source>
            <translation>Choose a variant to edit it here; the base is the plan the firm declared</translation>
        </message>
        <message>
            <location line="+7" />
            <source>新建方案…</source>
            <translation>New variant…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>从当前方案出发新建一个测算方案（Ctrl+Shift+N）</source>
            <translation>Start a new variant from the one shown (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>方案操作</source>
            <translation>Actions</translation>
        </message>
        <message>
            <location line="+41" />
            <source>方案名称</source>
            <translation>Variant name</translation>
        </message>
        <message>
            <location line="+10" />
            <source>如：迁入华侨总部大楼</source>
            <translation>e.g. Move to the HQ building</translation>
        </message>
        <message>
            <location line="+30" />
            <source>基本信息</source>
            <translation>Identity</translation>
        </message>
        <message>
            <location line="+33" />
            <source>企业名称</source>
            <translation>Firm name</translation>
        </message>
        <message>
            <location line="+7" />
            <source>如：青田星河数字科技有限公司</source>
            <translation>e.g. 青田星河数字科技有限公司</translation>
        </message>
        <message>
            <location line="+7" />
            <source>统一社会信用代码</source>
            <translation>Credit code (USCC)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>18位，如 91331121MA2A0B1C24</source>
            <translation>18 characters, e.g. 91331121MA2A0B1C24</translation>
        </message>
        <message>
            <location line="+17" />
            <source>校验位说明</source>
            <translation>Check-digit note</translation>
        </message>
        <message>
            <location line="+7" />
            <source>说明为何保留校验位不符的代码</source>
            <translation>Why a code failing its check digit is kept</translation>
        </message>
        <message>
            <location line="+7" />
            <source>主体类型</source>
            <translation>Entity type</translation>
        </message>
        <message>
            <location line="+10" />
            <source>企业等级</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="+10" />
            <source>亩均评价</source>
            <translation>Mu-average rating</translation>
        </message>
        <message>
            <location line="+10" />
            <source>企业性质</source>
            <translation>Flags</translation>
        </message>
        <message>
            <location line="+10" />
            <source>贸易类企业</source>
            <translation>Trading firm</translation>
        </message>
        <message>
            <location line="+7" />
            <source>总部类企业</source>
            <translation>Headquarters firm</translation>
        </message>
        <message>
            <location line="+7" />
            <source>列入严重失信名单</source>
            <translation>On the serious-dishonesty list</translation>
        </message>
        <message>
            <location line="+7" />
            <source>在青田注册并纳税</source>
            <translation>Registers and pays tax in Qingtian</translation>
        </message>
        <message>
            <location line="+10" />
            <source>计划投资额</source>
            <translation>Planned investment</translation>
        </message>
        <message>
            <location line="+7" />
            <source>如 5000万</source>
            <translation>e.g. 5000万</translation>
        </message>
        <message>
            <location line="+7" />
            <source>元宇宙领域</source>
            <translation>Metaverse domains</translation>
        </message>
        <message>
            <location line="+10" />
            <source>测算起始年</source>
            <translation>First year</translation>
        </message>
        <message>
            <location line="+10" />
            <source>留空：按入驻年份或首个计划年度</source>
            <translation>Blank: the move-in year or the first plan year</translation>
        </message>
        <message>
            <location line="+12" />
            <source>领域认定（所列领域以外的企业）</source>
            <translation>Field recognition (firms outside the listed fields)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>认定结果</source>
            <translation>Decision</translation>
        </message>
        <message>
            <location line="+13" />
            <source>认定领域</source>
            <translation>Field</translation>
        </message>
        <message>
            <location line="+10" />
            <source>如 大数据</source>
            <translation>e.g. big data</translation>
        </message>
        <message>
            <location line="+7" />
            <source>认定人</source>
            <translation>Decided by</translation>
        </message>
        <message>
            <location line="+10" />
            <source>如 县经济商务科技局</source>
            <translation>e.g. County Bureau of Economy, Commerce and Technology</translation>
        </message>
        <message>
            <location line="+7" />
            <source>认定日期</source>
            <translation>Decided on</translation>
        </message>
        <message>
            <location line="+48" />
            <source>载体与租金</source>
            <translation>Site &amp;&amp; rent</translation>
        </message>
        <message>
            <location line="+6" />
            <source>入驻载体</source>
            <translation>Site</translation>
        </message>
        <message>
            <location line="+12" />
            <source>载体</source>
            <translation>Site</translation>
        </message>
        <message>
            <location line="+10" />
            <source>面积（㎡）</source>
            <translation>Area (m²)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>如 800</source>
            <translation>e.g. 800</translation>
        </message>
        <message>
            <location line="+7" />
            <source>市场租金（元/㎡/天）</source>
            <translation>Market rent (yuan/m²/day)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>如 1.2</source>
            <translation>e.g. 1.2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>入驻日期</source>
            <translation>Move-in date</translation>
        </message>
        <message>
            <location line="+28" />
            <source>人才</source>
            <translation>Talents</translation>
        </message>
        <message>
            <location line="+15" />
            <source>添加人才</source>
            <translation>Add talents</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+70" />
            <location line="+39" />
            <location line="+46" />
            <location line="+39" />
            <location line="+46" />
            <location line="+39" />
            <location line="+162" />
            <source>删除所选</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <location line="-424" />
            <source>营收计划</source>
            <translation>Revenue plan</translation>
        </message>
        <message>
            <location line="-543" />
            <location line="+551" />
            <source>测算方案</source>
            <translation>Variant</translation>
        </message>
        <message>
            <location line="+38" />
            <location line="+85" />
            <location line="+39" />
            <source>添加年份</source>
            <translation>Add year</translation>
        </message>
        <message>
            <location line="-100" />
            <source>金融</source>
            <translation>Finance</translation>
        </message>
        <message>
            <location line="+15" />
            <source>添加贷款</source>
            <translation>Add loan</translation>
        </message>
        <message>
            <location line="+24" />
            <source>算力与研发</source>
            <translation>Compute &amp;&amp; R&amp;&amp;D</translation>
        </message>
        <message>
            <location line="+6" />
            <source>算力合作合同额（按年）</source>
            <translation>Compute contracts (by year)</translation>
        </message>
        <message>
            <location line="+39" />
            <source>研发投入（按年）</source>
            <translation>R&amp;D spend (by year)</translation>
        </message>
        <message>
            <location line="+40" />
            <source>项目</source>
            <translation>Projects</translation>
        </message>
        <message>
            <location line="+6" />
            <source>科技项目</source>
            <translation>Science projects</translation>
        </message>
        <message>
            <location line="+16" />
            <source>添加科技项目</source>
            <translation>Add science project</translation>
        </message>
        <message>
            <location line="+23" />
            <source>应用场景项目</source>
            <translation>Scenario projects</translation>
        </message>
        <message>
            <location line="+16" />
            <source>添加场景项目</source>
            <translation>Add scenario project</translation>
        </message>
        <message>
            <location line="+24" />
            <source>招商进度</source>
            <translation>Pipeline</translation>
        </message>
        <message>
            <location line="+11" />
            <source>招商阶段</source>
            <translation>Stage</translation>
        </message>
        <message>
            <location line="+10" />
            <source>终止原因</source>
            <translation>Reason for terminating</translation>
        </message>
        <message>
            <location line="+7" />
            <source>终止时必须说明原因</source>
            <translation>Required when terminating</translation>
        </message>
        <message>
            <location line="+7" />
            <source>负责人</source>
            <translation>Owner</translation>
        </message>
        <message>
            <location line="+10" />
            <source>驻点</source>
            <translation>Outpost</translation>
        </message>
        <message>
            <location line="+7" />
            <source>如 杭州、上海</source>
            <translation>e.g. Hangzhou, Shanghai</translation>
        </message>
        <message>
            <location line="+7" />
            <source>企业联系人</source>
            <translation>Firm contact</translation>
        </message>
        <message>
            <location line="-489" />
            <location line="+499" />
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+13" />
            <source>政策假设</source>
            <translation>Policy assumptions</translation>
        </message>
        <message>
            <location line="+9" />
            <source>政策假设不是企业的行为：按另一政策版本或调整后的参数测算。含政策假设的方案不能作为报价方案或写入告知函，除非所依据的政策版本已施行。</source>
            <translation>A policy assumption is not something the firm does: the package is computed under another policy version or changed parameters. Such a variant cannot be the offer or go on a letter unless the version it names is in force.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>政策版本</source>
            <translation>Policy version</translation>
        </message>
        <message>
            <location line="+22" />
            <source>参数调整</source>
            <translation>Parameter changes</translation>
        </message>
        <message>
            <location line="+16" />
            <source>添加参数调整</source>
            <translation>Add a parameter change</translation>
        </message>
        <message>
            <location line="+49" />
            <source>放弃修改</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <location line="+10" />
            <source>保存（Ctrl+S）</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
    </context>
    <context>
        <name>FirmsView</name>
        <message>
            <location filename="../../qt_app/ui/firms_view.py" line="+114" />
            <source>搜索：企业名称、信用代码、联系人、拼音首字母（如 qtkj）</source>
            <translation>Search: name, credit code, contact, pinyin initials (e.g. qtkj)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>全部阶段</source>
            <translation>All stages</translation>
        </message>
        <message>
            <location line="+4" />
            <source>全部领域</source>
            <translation>All domains</translation>
        </message>
        <message>
            <location line="+2" />
            <source>全部驻点</source>
            <translation>All outposts</translation>
        </message>
        <message>
            <location line="+2" />
            <source>全部负责人</source>
            <translation>All owners</translation>
        </message>
        <message>
            <location line="+44" />
            <source>联络记录</source>
            <translation>Contact log</translation>
        </message>
        <message>
            <location line="+8" />
            <source>添加联络记录…</source>
            <translation>Add contact entry…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>暂无联络记录。拜访、电话、会谈后在此记一笔，方便同事接手。</source>
            <translation>No contact entries yet. Note each visit, call or meeting here so colleagues can pick up.</translation>
        </message>
        <message>
            <location line="+55" />
            <source>共 {n} 家企业</source>
            <translation>{n} firms</translation>
        </message>
        <message>
            <location line="+6" />
            <source>没有找到与“{query}”相符的企业。</source>
            <translation>No firm matches “{query}”.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>没有符合所选筛选条件的企业。</source>
            <translation>No firm matches the chosen filters.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>换一个更短的词，如企业名称中的两个字（“星河”）</source>
            <translation>a shorter word, such as two characters of the name (星河)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>拼音首字母，按词的顺序，如 qtkj（青田…科技）</source>
            <translation>pinyin initials of the words in order, such as qtkj (青田…科技)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>统一社会信用代码的后几位，或联系人的名字</source>
            <translation>the last digits of the credit code, or the contact's name</translation>
        </message>
        <message>
            <location line="+3" />
            <source>清除阶段、领域、驻点或负责人的筛选</source>
            <translation>clearing the stage, domain, outpost or owner filters</translation>
        </message>
        <message>
            <location line="+6" />
            <source>可以试试：</source>
            <translation>Try:</translation>
        </message>
    </context>
    <context>
        <name>Handout</name>
        <message>
            <location filename="../../qt_app/ui/handout.py" line="+71" />
            <location line="+82" />
            <source>示例</source>
            <translation>illustrative</translation>
        </message>
        <message>
            <location line="-58" />
            <location line="+111" />
            <source>会谈简报</source>
            <translation>Meeting brief</translation>
        </message>
        <message>
            <location line="-108" />
            <source>依据{policy} · {variant} · {date}</source>
            <translation>Under {policy} · {variant} · {date}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>合计 {money}（{figure}）</source>
            <translation>Total {money} ({figure})</translation>
        </message>
        <message>
            <location line="+9" />
            <source>大写：{capitals}</source>
            <translation>In Chinese capitals: {capitals}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>标“示例”的金额或条款编号依据的是示例值（参照浙江省同类政策的合理取值），待青田县兑现细则确认后以确认值为准。</source>
            <translation>Amounts or clause numbers marked “illustrative” rest on example values (set from comparable Zhejiang policies) until Qingtian's implementing rules confirm them.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>测算值，以正式告知函为准。</source>
            <translation>Estimated figures; the formal offer letter prevails.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>青田县投资促进 · 招商政策测算台</source>
            <translation>Qingtian County Investment Promotion · Offer Desk</translation>
        </message>
        <message>
            <location line="+7" />
            <source>支持事项</source>
            <translation>Support items</translation>
        </message>
        <message>
            <location line="+1" />
            <source>条款</source>
            <translation>Clause</translation>
        </message>
        <message>
            <location line="+2" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+3" />
            <source>年度合计</source>
            <translation>Year total</translation>
        </message>
        <message>
            <location line="+77" />
            <source>会谈简报 · 打印预览</source>
            <translation>Meeting brief · print preview</translation>
        </message>
    </context>
    <context>
        <name>HintBox</name>
        <message>
            <location filename="../../qt_app/ui/widgets/hint_box.py" line="+53" />
            <source>测算提示</source>
            <translation>Hints</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按此新建方案</source>
            <translation>Make a variant of it</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按所选提示新建一个测算方案，与基准方案并列对比（也可双击提示）</source>
            <translation>Make the chosen hint a variant and compare it with the base (or double-click the hint)</translation>
        </message>
    </context>
    <context>
        <name>HqKeyField</name>
        <message>
            <location filename="../../qt_app/ui/hq_key_field.py" line="+33" />
            <source>未指定</source>
            <translation>Not pinned</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{key}（本机已无此公钥）</source>
            <translation>{key} (its key file is no longer here)</translation>
        </message>
        <message>
            <location line="+25" />
            <source>仅联络处需要：总部的告知函和兑现记录只从该密钥签名的数据包合并。</source>
            <translation>Needed at an outpost only: headquarters' letters and claim records are merged only from bundles signed with this key.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>只从该密钥签名的数据包合并告知函、政策文本和审核以后的兑现记录。</source>
            <translation>Letters, policy texts and claim records after the application are merged only from bundles signed with this key.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>尚未导入任何公钥：向总部索取公钥文件，电话核对指纹后导入（python -m qt_app keys import 公钥文件 --label 总部），再在此选择。</source>
            <translation>No key has been imported: get headquarters' public key file, check its fingerprint by phone, import it (python -m qt_app keys import KEYFILE --label HQ), then choose it here.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>未指定前，总部的告知函、政策文本和兑现记录不会合并。请电话核对指纹后选择。</source>
            <translation>Until one is pinned, headquarters' letters, policy texts and claim records are not merged. Check the fingerprint by phone, then choose it.</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../qt_app/ui/import_dialog.py" line="+82" />
            <location line="+25" />
            <source>导入企业</source>
            <translation>Import firms</translation>
        </message>
        <message>
            <location line="-11" />
            <source>正在写入…</source>
            <translation>Writing…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>正在检查文件…</source>
            <translation>Checking the file…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <location line="-73" />
            <source>导入企业：检查结果</source>
            <translation>Import firms: check results</translation>
        </message>
        <message>
            <location line="+5" />
            <source>没有发现问题。</source>
            <translation>No problems found.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <location line="+3" />
            <source>跳过有误的行，导入其余 {n} 行</source>
            <translation>Skip the invalid rows, import the other {n}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>IssueDialog</name>
        <message>
            <location filename="../../qt_app/ui/letters/issue_dialog.py" line="+24" />
            <source>出具告知函</source>
            <translation>Issue letter</translation>
        </message>
        <message>
            <location line="+2" />
            <source>出具后将分配下一个文号并签名，内容不能再修改。
确定出具给“{firm}”的告知函吗？</source>
            <translation>Issuing assigns the next document number and signs the letter; it cannot be edited afterwards.
Issue the letter to “{firm}”?</translation>
        </message>
        <message>
            <location line="+13" />
            <source>如：县财政局、县经信局（可不填）</source>
            <translation>e.g. county finance and economy bureaus (optional)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>联系人</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location line="+1" />
            <source>电话</source>
            <translation>Telephone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>抄送</source>
            <translation>Copies to</translation>
        </message>
        <message>
            <location line="+4" />
            <source>出具</source>
            <translation>Issue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>LedgerPanel</name>
        <message>
            <location filename="../../qt_app/ui/ledger/panel.py" line="+215" />
            <source>兑现台账（一企一档）</source>
            <translation>Payment ledger (one file per firm)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>登记实绩…</source>
            <translation>Record actuals…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>登记一个年度的实际情况，每项附证明材料</source>
            <translation>Record what the firm really did in a year, each figure with its evidence</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入实绩文件…</source>
            <translation>Import actuals file…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>申报…</source>
            <translation>Apply…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>对账单</source>
            <translation>Statement</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+13" />
            <source>预览…</source>
            <translation>Preview…</translation>
        </message>
        <message>
            <location line="-12" />
            <location line="+13" />
            <source>另存为…</source>
            <translation>Save as…</translation>
        </message>
        <message>
            <location line="-12" />
            <location line="+13" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location line="-12" />
            <source>导出兑现情况表…</source>
            <translation>Export payments report…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>全县某一期间的兑现申请、拨付和追回，供财政局使用</source>
            <translation>The county's claims, payments and recoveries of a period, for the finance bureau</translation>
        </message>
        <message>
            <location line="+1" />
            <source>承诺与兑现</source>
            <translation>Promised and due</translation>
        </message>
        <message>
            <location line="+1" />
            <source>实绩与证明材料</source>
            <translation>Actuals and evidence</translation>
        </message>
        <message>
            <location line="+1" />
            <source>兑现申请</source>
            <translation>Claims</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改所选年度…</source>
            <translation>Correct the selected year…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>打开扫描件</source>
            <translation>Open scan</translation>
        </message>
        <message>
            <location line="+3" />
            <source>兑现审核表</source>
            <translation>Review sheet</translation>
        </message>
        <message>
            <location line="+30" />
            <source>保存企业后即可建立兑现台账。</source>
            <translation>Save the firm first; its payment ledger starts from its letter.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>在企业库中选择一家企业，查看其兑现台账。</source>
            <translation>Choose a firm in the firm list to see its payment ledger.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>在“告知函”（Ctrl+6）中出具告知函后，即可在此登记实绩、申报兑现。</source>
            <translation>Once a letter is issued in Letters (Ctrl+6), actuals and claims can be recorded here.</translation>
        </message>
        <message>
            <location line="+50" />
            <source>告知函：无</source>
            <translation>Letters: none</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{letter}（兑现依据，承诺 {total}）</source>
            <translation>{letter} (paid against, promising {total})</translation>
        </message>
        <message>
            <location line="+5" />
            <source>政策版本</source>
            <translation>Policy version</translation>
        </message>
        <message>
            <location line="+2" />
            <source>告知函：</source>
            <translation>Letters: </translation>
        </message>
        <message>
            <location line="+46" />
            <source>选择一项兑现申请，查看其办理环节。</source>
            <translation>Choose a claim to see its steps.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{year}年{item} · {state} · 申请编号 {id}</source>
            <translation>{item} {year} · {state} · claim {id}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>第{n}期 {on} {amount}（{order}）</source>
            <translation>Tranche {n} {on} {amount} ({order})</translation>
        </message>
        <message>
            <location line="+7" />
            <source>已验收</source>
            <translation>accepted</translation>
        </message>
        <message>
            <location line="+0" />
            <source>验收后拨付</source>
            <translation>paid after acceptance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>预留 {held}：{state}</source>
            <translation>Holdback {held}: {state}</translation>
        </message>
    </context>
    <context>
        <name>LetterPreview</name>
        <message>
            <location filename="../../qt_app/ui/letters/preview.py" line="+27" />
            <source>选择登记簿中的一份函件，即可在此预览。</source>
            <translation>Choose a letter in the register to preview it here.</translation>
        </message>
    </context>
    <context>
        <name>LetterTableModel</name>
        <message>
            <location filename="../../qt_app/ui/letters/register_model.py" line="+77" />
            <source>文号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>企业</source>
            <translation>Firm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>测算方案</source>
            <translation>Variant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>合计（元）</source>
            <translation>Total (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>出具日期</source>
            <translation>Issued</translation>
        </message>
        <message>
            <location line="+4" />
            <source>基准方案</source>
            <translation>Base plan</translation>
        </message>
        <message>
            <location line="+18" />
            <source>（未编号）</source>
            <translation>(unnumbered)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>（未命名企业）</source>
            <translation>(unnamed firm)</translation>
        </message>
        <message>
            <location line="+23" />
            <source>审批人：{who}</source>
            <translation>Approved by: {who}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>备注：{note}</source>
            <translation>Note: {note}</translation>
        </message>
    </context>
    <context>
        <name>LettersPanel</name>
        <message>
            <location filename="../../qt_app/ui/letters/panel.py" line="+243" />
            <source>告知函登记簿</source>
            <translation>Letter register</translation>
        </message>
        <message>
            <location line="+1" />
            <source>测算方案：</source>
            <translation>Variant:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>语言：</source>
            <translation>Language:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>中文</source>
            <translation>Chinese</translation>
        </message>
        <message>
            <location line="+1" />
            <source>中文 + 英文</source>
            <translation>Chinese + English</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+104" />
            <source>生成草稿</source>
            <translation>New draft</translation>
        </message>
        <message>
            <location line="-103" />
            <source>按所选测算方案为当前企业生成一份告知函草稿</source>
            <translation>Draft a letter for the current firm under the chosen variant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>搜索企业名称、信用代码或文号</source>
            <translation>Search firm name, credit code or document number</translation>
        </message>
        <message>
            <location line="+4" />
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location line="+5" />
            <source>提交</source>
            <translation>Submit</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+127" />
            <source>审批</source>
            <translation>Approve</translation>
        </message>
        <message>
            <location line="-126" />
            <source>出具</source>
            <translation>Issue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>分配下一个文号并签名；出具后不可修改</source>
            <translation>Assigns the next document number and signs; cannot be edited afterwards</translation>
        </message>
        <message>
            <location line="+1" />
            <source>作废</source>
            <translation>Void</translation>
        </message>
        <message>
            <location line="+1" />
            <source>另出新函</source>
            <translation>Supersede</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按企业现在的数据另出一份新函；新函出具时原函作废</source>
            <translation>Draft a new letter from the firm's current data; the old letter is voided when the new one is issued</translation>
        </message>
        <message>
            <location line="+1" />
            <source>登记结果</source>
            <translation>Record outcome</translation>
        </message>
        <message>
            <location line="+1" />
            <source>企业已接受</source>
            <translation>Firm accepted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>企业已谢绝</source>
            <translation>Firm declined</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已过期</source>
            <translation>Expired</translation>
        </message>
        <message>
            <location line="+1" />
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location line="+1" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>另存为…</source>
            <translation>Save as…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>批量生成…</source>
            <translation>Batch…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>核验…</source>
            <translation>Verify…</translation>
        </message>
        <message>
            <location line="+33" />
            <source>基准方案</source>
            <translation>Base plan</translation>
        </message>
        <message>
            <location line="+45" />
            <source>请先在企业库中选择一家企业。</source>
            <translation>Choose a firm in the firm list first.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>无法生成草稿</source>
            <translation>Cannot create the draft</translation>
        </message>
        <message>
            <location line="+3" />
            <source>已为“{firm}”生成告知函草稿</source>
            <translation>Draft letter created for “{firm}”</translation>
        </message>
        <message>
            <location line="+8" />
            <source>无法提交</source>
            <translation>Cannot submit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>已提交审批：{firm}</source>
            <translation>Submitted for approval: {firm}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>审批人姓名（记入登记簿）：
{firm}</source>
            <translation>Name of the approver (kept in the register):
{firm}</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+4" />
            <source>无法审批</source>
            <translation>Cannot approve</translation>
        </message>
        <message>
            <location line="-4" />
            <source>请填写审批人姓名。</source>
            <translation>Please enter the approver's name.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>已审批：{firm}</source>
            <translation>Approved: {firm}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>出具告知函</source>
            <translation>Issue letter</translation>
        </message>
        <message>
            <location line="-7" />
            <source>无法出具</source>
            <translation>Cannot issue</translation>
        </message>
        <message>
            <location line="+5" />
            <source>已出具，文号：{number}</source>
            <translation>Issued as {number}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>作废告知函</source>
            <translation>Void letter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>作废原因（必填）：
作废后不可恢复；已出具的函件保留其文号。</source>
            <translation>Reason for voiding (required):
This cannot be undone; an issued letter keeps its number.</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+4" />
            <source>无法作废</source>
            <translation>Cannot void</translation>
        </message>
        <message>
            <location line="-4" />
            <source>请填写作废原因。</source>
            <translation>Please give a reason for voiding.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>已作废：{firm}</source>
            <translation>Voided: {firm}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>无法另出新函</source>
            <translation>Cannot draft a superseding letter</translation>
        </message>
        <message>
            <location line="+4" />
            <source>已生成新函草稿；新函出具时，原函 {number} 将作废</source>
            <translation>New draft created; {number} will be voided when the new letter is issued</translation>
        </message>
        <message>
            <location line="+11" />
            <source>无法登记结果</source>
            <translation>Cannot record the outcome</translation>
        </message>
        <message>
            <location line="+16" />
            <location line="+13" />
            <source>无法预览</source>
            <translation>Cannot preview</translation>
        </message>
        <message>
            <location line="-7" />
            <source>草稿（未编号）</source>
            <translation>Draft (unnumbered)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>这份 PDF 无法显示。</source>
            <translation>This PDF cannot be displayed.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>打印告知函</source>
            <translation>Print letter</translation>
        </message>
        <message>
            <location line="+5" />
            <source>无法打印</source>
            <translation>Cannot print</translation>
        </message>
        <message>
            <location line="+3" />
            <source>已送打印：{n} 页</source>
            <translation>Sent to the printer: {n} pages</translation>
        </message>
        <message>
            <location line="+11" />
            <source>另存告知函</source>
            <translation>Save letter as</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>无法保存</source>
            <translation>Cannot save</translation>
        </message>
        <message>
            <location line="+4" />
            <source>已保存：{path}</source>
            <translation>Saved: {path}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>无法生成 PDF</source>
            <translation>Cannot make the PDF</translation>
        </message>
        <message>
            <location line="+22" />
            <location line="+45" />
            <location line="+2" />
            <source>批量生成告知函</source>
            <translation>Batch letters</translation>
        </message>
        <message>
            <location line="-47" />
            <source>上一批还在生成中。</source>
            <translation>The previous batch is still running.</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+40" />
            <source>无法批量生成</source>
            <translation>Cannot run the batch</translation>
        </message>
        <message>
            <location line="-18" />
            <source>已生成 {n} 份告知函，保存在：{folder}</source>
            <translation>{n} letters written to: {folder}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>已按要求停止，其余企业未生成。</source>
            <translation>Stopped as asked; the remaining firms were not written.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>未生成：{firm}——{why}</source>
            <translation>Not written: {firm} — {why}</translation>
        </message>
        <message>
            <location line="+24" />
            <source>未选择企业：生成草稿前请先在企业库中选择一家企业。</source>
            <translation>No firm selected: choose a firm in the firm list before drafting a letter.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>（未命名企业）</source>
            <translation>(unnamed firm)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>当前企业：{firm}</source>
            <translation>Current firm: {firm}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>选择一份函件，查看它的编号、审批和备注。</source>
            <translation>Choose a letter to see its id, approval and notes.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>函件编号：{id}</source>
            <translation>Letter id: {id}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>统一社会信用代码：{code}</source>
            <translation>Credit code: {code}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>审批：{who}（{day}）</source>
            <translation>Approved by {who} ({day})</translation>
        </message>
        <message>
            <location line="+5" />
            <source>取代：{number}</source>
            <translation>Supersedes: {number}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>备注：{note}</source>
            <translation>Note: {note}</translation>
        </message>
        <message>
            <location line="+46" />
            <source>发生了意外错误，操作未完成。详细信息已写入日志文件。</source>
            <translation>An unexpected error stopped the operation. The details are in the log file.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>无法完成操作</source>
            <translation>Could not complete the operation</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../qt_app/ui/main_window.py" line="+76" />
            <location line="+283" />
            <source>招商政策测算台</source>
            <translation>Offer Desk</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/window_chrome.py" line="+25" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location line="+2" />
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location line="+15" />
            <source>工具栏</source>
            <translation>Toolbar</translation>
        </message>
        <message>
            <location line="+35" />
            <source>数据文件：{path}</source>
            <translation>Data file: {path}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>现行政策：{title}（{version}）</source>
            <translation>Policy in force: {title} ({version})</translation>
        </message>
        <message>
            <location line="-11" />
            <source>尚无</source>
            <translation>none yet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>最近备份：{when}</source>
            <translation>Last backup: {when}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>新企业</source>
            <translation>New firm</translation>
        </message>
        <message>
            <location line="+3" />
            <source>恢复未保存的草稿</source>
            <translation>Restore unsaved draft</translation>
        </message>
        <message>
            <location line="+1" />
            <source>上次关闭前，“{name}”有未保存的修改。要恢复这份草稿吗？</source>
            <translation>“{name}” had unsaved changes when the app last closed. Restore this draft?</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/main_window.py" line="+48" />
            <source>已移入回收站；按 Ctrl+Z 撤销</source>
            <translation>Moved to the trash; press Ctrl+Z to undo</translation>
        </message>
        <message>
            <location line="+5" />
            <source>已保存“{name}”</source>
            <translation>Saved “{name}”</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/window_chrome.py" line="+23" />
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <location line="+1" />
            <source>招商政策测算台 {version}
青田县投资促进 · 元宇宙产业政策测算</source>
            <translation>Offer Desk {version}
Qingtian County investment promotion · metaverse policy calculator</translation>
        </message>
    </context>
    <context>
        <name>MeetingView</name>
        <message>
            <location filename="../../qt_app/ui/meeting.py" line="+196" />
            <source>支持事项</source>
            <translation>Support items</translation>
        </message>
        <message>
            <location line="+1" />
            <source>各年度合计</source>
            <translation>Totals by year</translation>
        </message>
        <message>
            <location line="+1" />
            <source>打印会谈简报…</source>
            <translation>Print meeting brief…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location line="+43" />
            <source>未选择企业</source>
            <translation>No firm selected</translation>
        </message>
        <message>
            <location line="+15" />
            <source>（未命名企业）</source>
            <translation>(unnamed firm)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>依据{title} · {first}–{last}年</source>
            <translation>Under {title} · {first}–{last}</translation>
        </message>
        <message>
            <location line="+23" />
            <source>暂无可享受的支持</source>
            <translation>No support payable yet</translation>
        </message>
        <message>
            <location line="+4" />
            <source>合计 {money}（{figure}）</source>
            <translation>Total {money} ({figure})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>示例</source>
            <translation>illustrative</translation>
        </message>
        <message>
            <location line="+2" />
            <source>测算值，以正式告知函为准。</source>
            <translation>Estimated figures; the formal offer letter prevails.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>标“示例”的金额依据示例参数，待兑现细则确认。</source>
            <translation> Amounts marked “illustrative” rest on values the county has yet to confirm.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>条款编号为示例编号。</source>
            <translation> Clause numbers are illustrative.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>基准方案</source>
            <translation>Base plan</translation>
        </message>
        <message>
            <location line="+18" />
            <source>保存会谈简报</source>
            <translation>Save meeting brief</translation>
        </message>
        <message>
            <location line="+8" />
            <source>会谈简报已保存：{path}</source>
            <translation>Meeting brief saved: {path}</translation>
        </message>
        <message>
            <location line="-48" />
            <source>大写：{capitals}</source>
            <translation>In Chinese capitals: {capitals}</translation>
        </message>
    </context>
    <context>
        <name>PackagePanel</name>
        <message>
            <location filename="../../qt_app/ui/widgets/package_tree.py" line="+91" />
            <source>选择一行，查看完整的计算说明。</source>
            <translation>Select a row to read how it is computed in full.</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/package_view.py" line="+176" />
            <source>测算方案：</source>
            <translation>Variant:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>事项 / 年度</source>
            <translation>Item / year</translation>
        </message>
        <message>
            <location line="+0" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+0" />
            <source>条款</source>
            <translation>Clause</translation>
        </message>
        <message>
            <location line="+0" />
            <source>计算说明</source>
            <translation>How it is computed</translation>
        </message>
        <message>
            <location line="+169" />
            <source>未选择企业</source>
            <translation>No firm selected</translation>
        </message>
        <message>
            <location line="-93" />
            <location line="+38" />
            <source>基准方案</source>
            <translation>Base plan</translation>
        </message>
        <message>
            <location line="-118" />
            <source>新建方案…</source>
            <translation>New variant…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>从所选方案出发新建一个测算方案，在左侧编辑</source>
            <translation>Start a new variant from the one chosen, edited on the left</translation>
        </message>
        <message>
            <location line="+116" />
            <source>（未命名企业）</source>
            <translation>(unnamed firm)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>《{title}》{version} · {variant} · {first}–{last}年</source>
            <translation>{title} {version} · {variant} · {first}–{last}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>各年度政策包（按类别）</source>
            <translation>Package by year (by category)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>该方案下没有可享受的金额</source>
            <translation>Nothing is payable under this variant</translation>
        </message>
        <message>
            <location line="+7" />
            <source>本政策不适用于该企业，没有测算提示。</source>
            <translation>The policy does not apply to this firm, so there are no hints.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>暂无提示：提高任一年度的销售收入都不会增加政策包总额。</source>
            <translation>No hints: higher revenue in any one year would not add to the package.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>以下是修改前的测算，尚未计入正在填写的内容。</source>
            <translation>These are the figures before the latest edits; what is being typed is not counted yet.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>新企业</source>
            <translation>New firm</translation>
        </message>
        <message>
            <location line="+4" />
            <source>在企业库中选择一家企业，或新建一家，即可看到它的政策包。</source>
            <translation>Choose a firm in the firm list, or add a new one, to see its package.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>不适用本政策：</source>
            <translation>Policy does not apply: </translation>
        </message>
        <message>
            <location line="+5" />
            <source>注意：</source>
            <translation>Note: </translation>
        </message>
        <message>
            <location line="+6" />
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <location line="+9" />
            <source>合计 {money}（{figure}）</source>
            <translation>Total {money} ({figure})</translation>
        </message>
        <message>
            <location line="+5" />
            <source>另有待认定 {money}：认定为元宇宙相关领域后可得，未计入合计</source>
            <translation>Pending recognition: {money} more once the firm's field is recognised, not in the total</translation>
        </message>
        <message>
            <location line="-212" />
            <location line="+198" />
            <source>金额</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/handout.py" line="-85" />
            <location filename="../../qt_app/ui/widgets/package_parts.py" line="+44" />
            <source>{year}年</source>
            <translation>{year}</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/widgets/package_parts.py" line="+13" />
            <source>待认定 · 可得 {amount}</source>
            <translation>pending recognition · would get {amount}</translation>
        </message>
        <message>
            <location line="+106" />
            <source>（已按此上限）</source>
            <translation> (this cap applied)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>未享受的事项</source>
            <translation>Not given</translation>
        </message>
    </context>
    <context>
        <name>Panels</name>
        <message>
            <location filename="../../qt_app/ui/panels.py" line="+33" />
            <source>此面板尚未安装。</source>
            <translation>This panel is not installed.</translation>
        </message>
    </context>
    <context>
        <name>PoliciesPanel</name>
        <message>
            <location filename="../../qt_app/ui/policy_view.py" line="+128" />
            <source>已加载的政策版本：</source>
            <translation>Loaded policy versions:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>加载政策文件…</source>
            <translation>Load policy file…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>设为默认版本</source>
            <translation>Make default</translation>
        </message>
        <message>
            <location line="+1" />
            <source>条款与参数</source>
            <translation>Clauses and parameters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>LPR（贷款市场报价利率）</source>
            <translation>LPR (Loan Prime Rate)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>适用范围与说明</source>
            <translation>Scope and notes</translation>
        </message>
        <message>
            <location line="+23" />
            <source>（默认）</source>
            <translation> (default)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>加载政策文件</source>
            <translation>Load policy file</translation>
        </message>
        <message>
            <location line="+0" />
            <source>政策文件 (*.yaml *.yml);;所有文件 (*)</source>
            <translation>Policy files (*.yaml *.yml);;All files (*)</translation>
        </message>
        <message>
            <location line="+31" />
            <source>无法加载“{file}”，未做任何更改。共 {n} 处问题：</source>
            <translation>Could not load “{file}”; nothing was changed. {n} problems:</translation>
        </message>
        <message>
            <location line="+38" />
            <source>截止日期未定</source>
            <translation>end date not set</translation>
        </message>
        <message>
            <location line="+1" />
            <source>文号未载明</source>
            <translation>document number not stated</translation>
        </message>
        <message>
            <location line="+4" />
            <source>版本 {version} · {issuer} · {doc} · 发布于 {issued}</source>
            <translation>Version {version} · {issuer} · {doc} · issued {issued}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>有效期：{start} 至 {end} · 最近核对：{reviewed} · 文件指纹 {hash}</source>
            <translation>In force: {start} to {end} · last reviewed {reviewed} · file fingerprint {hash}</translation>
        </message>
        <message>
            <location line="+20" />
            <source>条款 / 参数</source>
            <translation>Clause / parameter</translation>
        </message>
        <message>
            <location line="+0" />
            <source>取值</source>
            <translation>Value</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+59" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="-59" />
            <source>说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+26" />
            <source>档位</source>
            <translation>Tiers</translation>
        </message>
        <message>
            <location line="+5" />
            <source>超过 {amount}</source>
            <translation>above {amount}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>条件</source>
            <translation>Condition</translation>
        </message>
        <message>
            <location line="+3" />
            <source>备注</source>
            <translation>Remark</translation>
        </message>
        <message>
            <location line="+7" />
            <source>按入驻年度分档</source>
            <translation>by year of tenancy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按年销售收入分档</source>
            <translation>by yearly revenue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按企业等级分档</source>
            <translation>by firm grade</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按人才层次分档</source>
            <translation>by talent level</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按载体分档</source>
            <translation>by building</translation>
        </message>
        <message>
            <location line="+7" />
            <source>起始日期</source>
            <translation>Since</translation>
        </message>
        <message>
            <location line="+0" />
            <source>一年期LPR</source>
            <translation>1-year LPR</translation>
        </message>
        <message>
            <location line="+10" />
            <source>贸易类企业</source>
            <translation>trading firms</translation>
        </message>
        <message>
            <location line="+2" />
            <source>总部类企业</source>
            <translation>headquarters-type firms</translation>
        </message>
        <message>
            <location line="+2" />
            <source>严重失信企业</source>
            <translation>firms on the serious-dishonesty list</translation>
        </message>
        <message>
            <location line="+3" />
            <source>亩均评价为{grades}类的企业</source>
            <translation>firms rated {grades} in the per-mu evaluation</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../qt_app/ui/settings_dialog.py" line="+67" />
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location line="+5" />
            <source>多位签发人用“、”分隔</source>
            <translation>Separate several signers with “、”</translation>
        </message>
        <message>
            <location line="+6" />
            <source>如：县财政局、县经信局（可不填）</source>
            <translation>e.g. county finance and economy bureaus (optional)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>切换语言后窗口立即以新语言重建，未保存的修改会先提示。</source>
            <translation>Changing the language rebuilds the window in it at once; you are asked about unsaved changes first.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>发文</source>
            <translation>Letters</translation>
        </message>
        <message>
            <location line="+2" />
            <source>发文机关</source>
            <translation>Issuing office</translation>
        </message>
        <message>
            <location line="+1" />
            <source>文号前缀</source>
            <translation>Document number prefix</translation>
        </message>
        <message>
            <location line="+1" />
            <source>签发人</source>
            <translation>Signers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>联系人</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location line="+1" />
            <source>电话</source>
            <translation>Telephone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>抄送</source>
            <translation>Copies to</translation>
        </message>
        <message>
            <location line="+1" />
            <source>数据包冲突…</source>
            <translation>Bundle conflicts…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>本机角色</source>
            <translation>Office role</translation>
        </message>
        <message>
            <location line="+1" />
            <source>总部密钥</source>
            <translation>Headquarters' key</translation>
        </message>
        <message>
            <location line="+4" />
            <source>界面</source>
            <translation>Interface</translation>
        </message>
        <message>
            <location line="+2" />
            <source>语言</source>
            <translation>Language</translation>
        </message>
        <message>
            <location line="+3" />
            <source>数据文件夹</source>
            <translation>Data folder</translation>
        </message>
        <message>
            <location line="+5" />
            <source>打开文件夹</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <location line="+2" />
            <source>更改…</source>
            <translation>Change…</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+179" />
            <source>备份</source>
            <translation>Backups</translation>
        </message>
        <message>
            <location line="-175" />
            <source>立即备份</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <location line="+2" />
            <source>从所选备份恢复…</source>
            <translation>Restore from selected backup…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>检查数据文件</source>
            <translation>Check data file</translation>
        </message>
        <message>
            <location line="+9" />
            <source>还没有备份。每天首次打开时会自动备份，也可随时“立即备份”。</source>
            <translation>No backups yet. One is taken automatically at the first start each day, or use “Back up now”.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+164" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="-146" />
            <source>常规</source>
            <translation>General</translation>
        </message>
        <message>
            <location line="+1" />
            <source>年度预算</source>
            <translation>Budget</translation>
        </message>
        <message>
            <location line="+55" />
            <source>选择数据文件夹</source>
            <translation>Choose the data folder</translation>
        </message>
        <message>
            <location line="+4" />
            <source>下次启动时使用：{path}</source>
            <translation>Used from the next start: {path}</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+12" />
            <source>从备份恢复</source>
            <translation>Restore from backup</translation>
        </message>
        <message>
            <location line="-11" />
            <source>用所选备份替换当前数据？恢复前会先自动备份当前数据，可随时再恢复回来。</source>
            <translation>Replace the current data with the selected backup? The current data is backed up first, so you can always go back.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>已从备份恢复。</source>
            <translation>Restored from the backup.</translation>
        </message>
        <message>
            <location line="+51" />
            <source>已备份到：{path}</source>
            <translation>Backed up to: {path}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>正在备份…</source>
            <translation>Backing up…</translation>
        </message>
    </context>
    <context>
        <name>StageDialog</name>
        <message>
            <location filename="../../qt_app/ui/firm_dialogs.py" line="-60" />
            <source>变更阶段：{name}</source>
            <translation>Change stage: {name}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>终止时必须说明原因</source>
            <translation>Required when terminating</translation>
        </message>
        <message>
            <location line="+6" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+1" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>新阶段</source>
            <translation>New stage</translation>
        </message>
        <message>
            <location line="+1" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+15" />
            <source>终止须说明原因</source>
            <translation>Terminating needs a reason</translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <location line="+50" />
            <source>回收站</source>
            <translation>Trash</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{name}（删除于 {when}）</source>
            <translation>{name} (deleted {when})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>回收站是空的。</source>
            <translation>The trash is empty.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>恢复所选</source>
            <translation>Restore selected</translation>
        </message>
        <message>
            <location line="+2" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Undo</name>
        <message>
            <location filename="../../qt_app/ui/undo.py" line="+24" />
            <source>修改{field}</source>
            <translation>Edit {field}</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/hub.py" line="+89" />
            <source>无法撤销</source>
            <translation>Cannot undo</translation>
        </message>
    </context>
    <context>
        <name>Variants</name>
        <message>
            <location filename="../../qt_app/ui/widgets/variant_words.py" line="+275" />
            <source>保守方案</source>
            <translation>Conservative</translation>
        </message>
        <message>
            <location line="+1" />
            <source>乐观方案</source>
            <translation>Optimistic</translation>
        </message>
        <message>
            <location line="+7" />
            <source>（报价方案）</source>
            <translation> (offer)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>（政策假设）</source>
            <translation> (policy assumption)</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/variant_actions.py" line="+40" />
            <source>重命名方案</source>
            <translation>Rename variant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>方案名称：</source>
            <translation>Variant name:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>已将方案改名为“{name}”；按 Ctrl+Z 撤销</source>
            <translation>Variant renamed to “{name}”; Ctrl+Z to undo</translation>
        </message>
        <message>
            <location line="+14" />
            <source>已复制方案“{name}”；按 Ctrl+Z 撤销</source>
            <translation>Variant “{name}” duplicated; Ctrl+Z to undo</translation>
        </message>
        <message>
            <location line="+13" />
            <source>删除报价方案</source>
            <translation>Delete the offer variant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“{name}”是本企业的报价方案。删除后，会谈模式和新的告知函改用基准方案；已出具的告知函保持出具时的方案不变。确定删除？</source>
            <translation>“{name}” is this firm's offer. Once it is deleted, meeting mode and new letters use the base; letters already issued keep the variant they were issued with. Delete it?</translation>
        </message>
        <message>
            <location line="+14" />
            <source>已删除方案“{name}”；按 Ctrl+Z 撤销</source>
            <translation>Variant “{name}” deleted; Ctrl+Z to undo</translation>
        </message>
        <message>
            <location line="+27" />
            <source>按已保存的企业信息，此提示已不适用；请先保存再试。</source>
            <translation>With the firm as saved this hint no longer applies; save first, then try again.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>已新建方案“{name}”；按 Ctrl+Z 撤销</source>
            <translation>Variant “{name}” made; Ctrl+Z to undo</translation>
        </message>
        <message>
            <location line="+12" />
            <source>重命名…</source>
            <translation>Rename…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>复制方案</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除方案…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>上移</source>
            <translation>Move up</translation>
        </message>
        <message>
            <location line="+1" />
            <source>下移</source>
            <translation>Move down</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/variant_bar.py" line="+53" />
            <source>基准方案（企业申报）</source>
            <translation>Base plan (as declared)</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+32" />
            <location line="+81" />
            <location filename="../../qt_app/ui/variant_mode.py" line="+267" />
            <source>新方案</source>
            <translation>New variant</translation>
        </message>
        <message>
            <location line="-109" />
            <location line="+32" />
            <source>{name}（未保存）</source>
            <translation>{name} (not saved)</translation>
        </message>
        <message>
            <location line="-21" />
            <source>从当前方案出发新建一个测算方案（Ctrl+Shift+N）</source>
            <translation>Start a new variant from the one shown (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>保存企业后即可新建方案</source>
            <translation>Save the firm first to make variants of it</translation>
        </message>
        <message>
            <location line="+34" />
            <source>企业申报的年度销售收入；金额可写 150万、1.2亿。</source>
            <translation>Annual revenue as declared; amounts such as 150万 or 1.2亿 are accepted.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>此方案按基准营收 × {factor} 测算；在下表修改即改为单列营收。</source>
            <translation>This variant uses the base revenue × {factor}; editing below gives it its own revenue plan.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>此方案的营收计划；与基准不同的年度以蓝色标出。</source>
            <translation>This variant's revenue plan; years that differ from the base are shown in blue.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>新建方案</source>
            <translation>New variant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>请先保存企业，再为它新建测算方案。</source>
            <translation>Save the firm first, then make variants of it.</translation>
        </message>
        <message>
            <location filename="../../qt_app/ui/variant_mode.py" line="-66" />
            <source>未填入驻载体</source>
            <translation>no site</translation>
        </message>
        <message>
            <location line="+3" />
            <source>是</source>
            <translation>yes</translation>
        </message>
        <message>
            <location line="+2" />
            <source>否</source>
            <translation>no</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+3" />
            <location line="+28" />
            <source>未填</source>
            <translation>none</translation>
        </message>
        <message>
            <location line="-27" />
            <location line="+29" />
            <source>基准：{value}</source>
            <translation>Base: {value}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>基准中没有此行（或内容不同）</source>
            <translation>Not in the base (or different there)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>正在新建方案“{name}”（尚未保存）。</source>
            <translation>New variant “{name}” (not saved yet). </translation>
        </message>
        <message>
            <location line="+2" />
            <source>正在编辑方案“{name}”。</source>
            <translation>Editing variant “{name}”. </translation>
        </message>
        <message>
            <location line="+2" />
            <source>与基准方案不同之处以蓝色标出；企业名称、信用代码和招商进度在基准方案中修改。</source>
            <translation>What differs from the base is shown in blue; name, credit code and stage are edited in the base.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>与基准方案相同</source>
            <translation>Same as the base</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <location filename="../../qt_app/ui/letters/verify_dialog.py" line="+66" />
            <source>核验告知函</source>
            <translation>Verify a letter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>要核验的函件</source>
            <translation>Letter to check</translation>
        </message>
        <message>
            <location line="+1" />
            <source>选择 PDF 文件…</source>
            <translation>Choose a PDF file…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>或把 PDF 文件拖到此窗口</source>
            <translation>or drop a PDF file on this window</translation>
        </message>
        <message>
            <location line="+6" />
            <source>用扫码枪扫描函件上的二维码，或粘贴二维码内容（ODL1.…）</source>
            <translation>Scan the letter's QR code with a scanner, or paste its text (ODL1.…)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>核验二维码内容</source>
            <translation>Verify QR text</translation>
        </message>
        <message>
            <location line="+32" />
            <source>核验只证明函件内容未被改动；具有法律效力的是加盖县政府有关部门印章的纸质函件。</source>
            <translation>Verification only proves the content is unaltered; the legal act is the paper letter bearing the county office's seal.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+20" />
            <location line="+14" />
            <location line="+63" />
            <location line="+2" />
            <source>无法核验</source>
            <translation>Cannot verify</translation>
        </message>
        <message>
            <location line="-77" />
            <source>文件：{path}</source>
            <translation>File: {path}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>二维码内容（只核对签名与登记簿，请同时对照纸面上的文号与金额）</source>
            <translation>QR text (checks signature and register only; compare the number and total with the paper)</translation>
        </message>
        <message>
            <location line="+31" />
            <source>选择要核验的告知函</source>
            <translation>Choose the letter to verify</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>尚未核验</source>
            <translation>Not checked yet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>选择或拖入一份告知函 PDF，或扫描函件上的二维码。</source>
            <translation>Choose or drop a letter PDF, or scan the letter's QR code.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>没有找到本软件出具的验证信息。</source>
            <translation>No Offer Desk verification data was found.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>签名密钥未导入本机，无法确认出具单位。</source>
            <translation>The signing key has not been imported here, so the issuing office cannot be confirmed.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>已被修改</source>
            <translation>Altered</translation>
        </message>
        <message>
            <location line="+0" />
            <source>函件内容与出具时签名的内容不一致，请勿采信。</source>
            <translation>The letter does not match what was signed when it was issued. Do not rely on it.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>与登记簿不一致</source>
            <translation>Does not match the register</translation>
        </message>
        <message>
            <location line="+0" />
            <source>文号与本机登记簿中的记录不符，请勿采信。</source>
            <translation>The document number does not match this office's register. Do not rely on it.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>已作废</source>
            <translation>Voided</translation>
        </message>
        <message>
            <location line="+0" />
            <source>这份函件真实，但已被作废。</source>
            <translation>This letter is genuine but has been voided.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>草稿（未审核）</source>
            <translation>Draft (not reviewed)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>内容未被改动，但打印时该申请尚未审核，本表不是审核结论。</source>
            <translation>Unaltered, but the claim had not been reviewed when this was printed: not a review record.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>草稿（未出具）</source>
            <translation>Draft (not issued)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>内容未被改动，但这是草稿，不是正式出具的函件。</source>
            <translation>Unaltered, but this is a draft, not an issued letter.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>内容一致，文件已另存</source>
            <translation>Content matches, file re-saved</translation>
        </message>
        <message>
            <location line="+1" />
            <source>每页的文字和金额与签名一致，但文件经其他程序另存过，图形与版式未核对。</source>
            <translation>Every page's text and amounts are as signed, but another program re-saved the file; graphics and layout were not compared.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>已过期</source>
            <translation>Expired</translation>
        </message>
        <message>
            <location line="+0" />
            <source>这份函件真实、未被改动，但已超过有效期。</source>
            <translation>This letter is genuine and unaltered, but it has expired.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>真实有效</source>
            <translation>Genuine</translation>
        </message>
        <message>
            <location line="+0" />
            <source>签名有效，内容与出具时一致。</source>
            <translation>The signature is valid and the content is as issued.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>未通过核验</source>
            <translation>Failed verification</translation>
        </message>
        <message>
            <location line="+0" />
            <source>请查看下列各项。</source>
            <translation>See the findings below.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>未找到本软件出具的验证信息（不是本软件的告知函，或已被其他程序重新保存）</source>
            <translation>No Offer Desk verification data (not a letter from this app, or re-saved by another program)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>（草稿，未编号）</source>
            <translation>(draft, unnumbered)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>兑现审核表 {id}</source>
            <translation>Review sheet {id}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>兑现对账单 {id}</source>
            <translation>Payment statement {id}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>告知函 {number} · 企业代码 {code} · 核定 {total} · 已拨付 {paid}</source>
            <translation>Letter {number} · firm code {code} · approved {total} · paid {paid}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>告知函 {number} · 企业代码 {code} · 应兑现 {total} · 已拨付 {paid}</source>
            <translation>Letter {number} · firm code {code} · due {total} · paid {paid}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>文号 {number} · 企业代码 {code} · 合计 {total} · 政策版本 {version}</source>
            <translation>No. {number} · firm code {code} · total {total} · policy version {version}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>签名有效</source>
            <translation>Signature valid</translation>
        </message>
        <message>
            <location line="+2" />
            <source>签名无效：签名后的内容被改动过</source>
            <translation>Signature INVALID: the content was changed after signing</translation>
        </message>
        <message>
            <location line="+2" />
            <source>签名无法核验：签名密钥 {fp} 未导入本机</source>
            <translation>Signature cannot be checked: key {fp} has not been imported here</translation>
        </message>
        <message>
            <location line="+2" />
            <source>签名单位：本机（本单位）密钥 {fp}</source>
            <translation>Signed by: this office's key {fp}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>签名单位：已导入的其他单位公钥 {fp}</source>
            <translation>Signed by: another office's imported key {fp}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>签名单位：未知密钥 {fp}</source>
            <translation>Signed by: an unknown key {fp}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>这是草稿：该申请打印时尚未审核</source>
            <translation>A draft: the claim had not been reviewed when it was printed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>这是草稿，未正式出具</source>
            <translation>This is a draft, not an issued letter</translation>
        </message>
        <message>
            <location line="+3" />
            <source>内嵌内容快照与签名一致</source>
            <translation>Embedded snapshot matches the signature</translation>
        </message>
        <message>
            <location line="+2" />
            <source>内嵌内容快照与签名不一致</source>
            <translation>Embedded snapshot does NOT match the signature</translation>
        </message>
        <message>
            <location line="+4" />
            <source>页面上的合计、金额、文号和企业与签名内容一致</source>
            <translation>Total, amounts, number and firm on the page match what was signed</translation>
        </message>
        <message>
            <location line="+4" />
            <source>页面文字与签名内容不一致（未找到：{missing}）</source>
            <translation>Page text does NOT match what was signed (missing: {missing})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>文件与出具时逐字节一致</source>
            <translation>The file is byte for byte as issued</translation>
        </message>
        <message>
            <location line="+2" />
            <source>文件经其他程序另存：图形与版式未核对</source>
            <translation>Re-saved by another program: graphics and layout not compared</translation>
        </message>
        <message>
            <location line="+2" />
            <source>旧版函件：已核对金额、文号和全部条款文字，未比对版面</source>
            <translation>First-format letter: amounts, number and all wording checked; layout not compared</translation>
        </message>
        <message>
            <location line="+2" />
            <source>有效期至 {day}，已过期</source>
            <translation>Valid until {day}; expired</translation>
        </message>
        <message>
            <location line="+2" />
            <source>有效期至 {day}</source>
            <translation>Valid until {day}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>（申请状态：{status}）</source>
            <translation> (claim {status})</translation>
        </message>
        <message>
            <location line="+4" />
            <source>本机兑现台账：在册</source>
            <translation>This office's ledger: known</translation>
        </message>
        <message>
            <location line="+2" />
            <source>本机兑现台账：记录的企业代码与本件不符</source>
            <translation>This office's ledger: its firm code differs from this paper's</translation>
        </message>
        <message>
            <location line="+2" />
            <source>本机兑现台账：没有此记录（可能由其他单位出具）</source>
            <translation>This office's ledger: not known here (perhaps another office's)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>本机兑现台账：未检查</source>
            <translation>This office's ledger: not checked</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+1" />
            <source>本机登记簿：已登记，状态为“{status}”</source>
            <translation>This office's register: known, status “{status}”</translation>
        </message>
        <message>
            <location line="+2" />
            <source>本机登记簿：同一文号的登记内容不同</source>
            <translation>This office's register: the same number has different content</translation>
        </message>
        <message>
            <location line="+2" />
            <source>本机登记簿：没有这份函件（可能由其他单位出具）</source>
            <translation>This office's register: not known here (perhaps issued by another office)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>本机登记簿：未检查</source>
            <translation>This office's register: not checked</translation>
        </message>
    </context>
</TS>