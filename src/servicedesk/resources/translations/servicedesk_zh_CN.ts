<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/help/dialogs.py" line="50" />
        <source>About ServiceDesk</source>
        <translation>关于 ServiceDesk</translation>
    </message>
    <message>
        <location filename="../../ui/help/dialogs.py" line="52" />
        <source>ServiceDesk %1</source>
        <translation>ServiceDesk %1</translation>
    </message>
    <message>
        <location filename="../../ui/help/dialogs.py" line="55" />
        <source>Offline program for an after-sales service office.</source>
        <translation>售后服务部离线管理程序。</translation>
    </message>
    <message>
        <location filename="../../ui/help/dialogs.py" line="62" />
        <source>Data file:</source>
        <translation>数据文件：</translation>
    </message>
    <message>
        <location filename="../../ui/help/dialogs.py" line="67" />
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/help/dialogs.py" line="67" />
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/help/dialogs.py" line="67" />
        <source>Log folder:</source>
        <translation>日志文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/help/dialogs.py" line="74" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>AdjustmentDialog</name>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="29" />
        <source>Pay adjustment</source>
        <translation>工资调整</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="32" />
        <source>An adjustment line is added to %1. Use it for corrections after a month was approved. Negative numbers take pay away.</source>
        <translation>调整行记入 %1。用于月份审批后的更正；负数表示扣减。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="34" />
        <source>Technician</source>
        <translation>服务人员</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="38" />
        <source>Ticket (optional)</source>
        <translation>工单（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="38" />
        <source>ticket number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="39" />
        <source>Work hours (±)</source>
        <translation>工时（±）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="39" />
        <source>e.g. 4 or -2.5</source>
        <translation>例如 4 或 -2.5</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="40" />
        <source>Amount (± yuan)</source>
        <translation>金额（±元）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="40" />
        <source>e.g. 50 or -20</source>
        <translation>例如 50 或 -20</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="44" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="236" />
        <source>Already open</source>
        <translation>已经打开</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="285" />
        <source>Open another data file</source>
        <translation>打开其他数据文件</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="286" />
        <source>ServiceDesk data (*.sqlite3);;All files (*)</source>
        <translation>服务内勤数据 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="443" />
        <source>The data file %1 could not be opened:
%2</source>
        <translation>无法打开数据文件 %1：
%2</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="445" />
        <source>Cannot open the data file</source>
        <translation>无法打开数据文件</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="24" />
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="28" />
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="31" />
        <source>text in any column, e.g. pay.rate or 张三</source>
        <translation>任一列中的文字，如 pay.rate 或 张三</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="34" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="41" />
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="41" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="41" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="41" />
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="42" />
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="42" />
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="64" />
        <source>Export audit log</source>
        <translation>导出操作日志</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="65" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit_dialog.py" line="75" />
        <source>Audit log exported to %1</source>
        <translation>操作日志已导出到 %1</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../ui/data/backup_words.py" line="15" />
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <location filename="../../ui/data/backup_words.py" line="16" />
        <source>Last backup: %1</source>
        <translation>上次备份：%1</translation>
    </message>
</context>
<context>
    <name>CatalogEditor</name>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="88" />
        <source>Work-hour catalog</source>
        <translation>工时标准</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="91" />
        <source>Standard work hours per job (工时标准). Codes are stable keys used by ticket work lines; a new rate applies to work completed after its date.</source>
        <translation>各项工作的标准工时（工时标准）。代码是工单工时行使用的固定键；新工时自生效日期起对完工的工作生效。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="96" />
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="97" />
        <source>Re&amp;name…</source>
        <translation>改名(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="98" />
        <source>New &amp;hours…</source>
        <translation>调整工时(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="99" />
        <location filename="../../ui/pay/catalog_dialog.py" line="171" />
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="108" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="35" />
        <source>Hours must be zero or more.</source>
        <translation>工时不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="44" />
        <source>New work item</source>
        <translation>新增工时项目</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="44" />
        <source>Rename work item</source>
        <translation>工时项目改名</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="44" />
        <source>New hours</source>
        <translation>调整工时</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="50" />
        <source>Code (stable, never reused)</source>
        <translation>代码（固定，不可重复使用）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="54" />
        <location filename="../../ui/pay/catalog_dialog.py" line="109" />
        <source>Item name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="55" />
        <location filename="../../ui/pay/catalog_dialog.py" line="110" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="55" />
        <source>e.g. 台, 节, 次</source>
        <translation>例如 台、节、次</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="57" />
        <source>Hours per unit</source>
        <translation>每单位工时</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="59" />
        <source>Hours per further unit at the same site</source>
        <translation>同一工地续台工时</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="60" />
        <source>blank = same as the first unit</source>
        <translation>空白 = 与首台相同</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="62" />
        <source>Applies to work completed from</source>
        <translation>自此日期完工的工作适用</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="65" />
        <source>Work completed before this date keeps its old hours; approved months never change.</source>
        <translation>此日期之前完工的工作仍按原工时计算；已审批的月份不会改变。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="111" />
        <location filename="../../ui/pay/catalog_dialog.py" line="128" />
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="112" />
        <location filename="../../ui/pay/catalog_dialog.py" line="129" />
        <source>Further unit</source>
        <translation>续台工时</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="114" />
        <source>Since</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="115" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="115" />
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="115" />
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="127" />
        <source>Effective from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="130" />
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="131" />
        <source>Entered at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="151" />
        <source>shipped standard</source>
        <translation>出厂标准</translation>
    </message>
    <message>
        <location filename="../../ui/pay/catalog_dialog.py" line="171" />
        <source>&amp;Restore</source>
        <translation>恢复使用(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="32" />
        <source>Change manager PIN</source>
        <translation>修改经理密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="35" />
        <source>The manager PIN (4 to 12 digits) protects pay approval, pay rates and restoring a backup.</source>
        <translation>经理密码（4–12 位数字）用于工资审批、修改工资费率和恢复备份。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="37" />
        <source>No manager PIN is set yet. Choose one (4 to 12 digits): it protects pay approval, pay rates and restoring a backup.</source>
        <translation>尚未设置经理密码。请设置一个（4–12 位数字）：工资审批、修改工资费率和恢复备份都需要它。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="39" />
        <source>Current manager PIN</source>
        <translation>当前经理密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="40" />
        <source>New manager PIN</source>
        <translation>新经理密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="41" />
        <source>Repeat the new PIN</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="46" />
        <source>The two PINs differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="53" />
        <source>Manager PIN changed</source>
        <translation>经理密码已修改</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="53" />
        <source>Manager PIN set</source>
        <translation>经理密码已设置</translation>
    </message>
</context>
<context>
    <name>ClerkPicker</name>
    <message>
        <location filename="../../ui/setup/clerk_picker.py" line="22" />
        <source>Who is working?</source>
        <translation>谁在值班？</translation>
    </message>
    <message>
        <location filename="../../ui/setup/clerk_picker.py" line="24" />
        <source>Clerk (记录人) — printed on the forms and written to the logs:</source>
        <translation>记录人（打印在表单上，并写入日志）：</translation>
    </message>
    <message>
        <location filename="../../ui/setup/clerk_picker.py" line="41" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/setup/clerk_picker.py" line="42" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../ui/common.py" line="38" />
        <location filename="../../ui/data/errors.py" line="43" />
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
</context>
<context>
    <name>CountDialog</name>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="113" />
        <source>not counted</source>
        <translation>未盘</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="115" />
        <source>matches</source>
        <translation>相符</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="117" />
        <source>surplus</source>
        <translation>盘盈</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="118" />
        <source>shortage</source>
        <translation>盘亏</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="127" />
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="137" />
        <source>Find code, name, spec or location</source>
        <translation>查找编码、名称、规格或库位</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="140" />
        <source>Only differences</source>
        <translation>只看差异</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="143" />
        <source>Only not counted</source>
        <translation>只看未盘</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="150" />
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="151" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="152" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="153" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="154" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="155" />
        <source>Book qty</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="156" />
        <source>Counted qty</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="158" />
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="178" />
        <source>Import counted quantities…</source>
        <translation>导入实盘数量…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="181" />
        <source>Export count sheet…</source>
        <translation>导出盘点表…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="183" />
        <source>Count sheet PDF…</source>
        <translation>打印盘点表 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="185" />
        <location filename="../../ui/parts/count_dialog.py" line="307" />
        <source>Discard count</source>
        <translation>作废本次盘点</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="187" />
        <source>Finish count</source>
        <translation>完成盘点</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="189" />
        <source>Post adjustments…</source>
        <translation>盘点过账…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="191" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="212" />
        <source>Stock count #%1 · %2 · %3</source>
        <translation>盘点 #%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="215" />
        <source>Counted %1 of %2 parts · %3 with a difference · book stock as of the end of %4</source>
        <translation>已盘 %1 / %2 种 · %3 种有差异 · 账面数为 %4 日终库存</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="226" />
        <source>in progress</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="226" />
        <source>finished, not posted</source>
        <translation>已完成，未过账</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="227" />
        <source>posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="253" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="251" />
        <source>Export count sheet</source>
        <translation>导出盘点表</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="261" />
        <location filename="../../ui/parts/count_dialog.py" line="279" />
        <source>Count sheet written to %1</source>
        <translation>盘点表已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="268" />
        <source>Count sheet PDF</source>
        <translation>盘点表 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="269" />
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="292" />
        <source>Book %1 adjustment line(s) dated %2 so that the book stock equals the counted quantities? Ledger lines cannot be undone (only corrected by a later count).</source>
        <translation>按 %2 记入 %1 条盘点调整，使账面库存等于实盘数量？台账记录不能撤销（只能由以后的盘点更正）。</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="295" />
        <source>Post adjustments</source>
        <translation>盘点过账</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="302" />
        <source>Stock count #%1 posted</source>
        <translation>盘点 #%1 已过账</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="308" />
        <source>Throw away this count and everything entered in it?</source>
        <translation>作废本次盘点及已录入的全部数量？</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="38" />
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="38" />
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="42" />
        <source>Name (unit or person)*</source>
        <translation>用户姓名/单位*</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="43" />
        <source>e.g. 杭州建工集团有限公司 or 张三</source>
        <translation>如 杭州建工集团有限公司 或 张三</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="44" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="45" />
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="45" />
        <source>e.g. 设备科长</source>
        <translation>如 设备科长</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="46" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="46" />
        <source>13812345678 or 0571-88886666-806</source>
        <translation>13812345678 或 0571-88886666-806</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="47" />
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="48" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="49" />
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="49" />
        <source>e.g. 杭州</source>
        <translation>如 杭州</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="50" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="50" />
        <source>who sold the equipment</source>
        <translation>销售设备的经销商</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="53" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="140" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="120" />
        <source>Enter the name of the unit or the person.</source>
        <translation>请填写单位名称或个人姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="147" />
        <source>This may be a customer already in the archive:</source>
        <translation>可能是档案中已有的客户：</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="149" />
        <source>Check the list before saving. To save a new customer anyway, press “Save anyway”.</source>
        <translation>保存前请核对。如确为新客户，请点“仍然保存”。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_dialog.py" line="167" />
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message>
        <location filename="../../ui/customers/tab.py" line="242" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="242" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="243" />
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="244" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="79" />
        <source>In warranty (manual)</source>
        <translation>在保（人工判定）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="79" />
        <source>Out of warranty (manual)</source>
        <translation>保外（人工判定）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="81" />
        <source>In warranty until %1</source>
        <translation>在保，至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="83" />
        <source>Out of warranty since %1</source>
        <translation>保外，%1 已到期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="84" />
        <source>Out of warranty (no dates)</source>
        <translation>保外（无日期）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="87" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="87" />
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="87" />
        <source>Call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="88" />
        <source>Inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="155" />
        <source>Showing %1 of %2 customers</source>
        <translation>显示 %1 / 共 %2 位客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="162" />
        <source>No customer matches “%1”. Try part of the phone number or the name, or create a new customer (Ctrl+N).</source>
        <translation>没有与“%1”匹配的客户。试试电话号码或名称的一部分，或新建客户（Ctrl+N）。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="165" />
        <source>No customers yet. Create one with “New customer” (Ctrl+N), or import them from Excel.</source>
        <translation>还没有客户。新建客户（Ctrl+N），或从 Excel 导入。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="243" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="244" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="259" />
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="261" />
        <source>Select a unit to see its tickets, parts and calls.</source>
        <translation>选择一台设备，查看其工单、配件和回访记录。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="269" />
        <source>History of %1 %2</source>
        <translation>%1 %2 的历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="277" />
        <source>No tickets, parts or calls for this unit yet.</source>
        <translation>该设备还没有工单、配件或回访记录。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="305" />
        <source>Saved customer %1</source>
        <translation>已保存客户 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="344" />
        <source>Merged %1 into %2: %3 units, %4 tickets, %5 calls moved</source>
        <translation>已将 %1 合并到 %2：移入设备 %3 台、工单 %4 张、回访 %5 次</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="387" />
        <source>Deleted equipment %1</source>
        <translation>已删除设备 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="387" />
        <source>Deactivated equipment %1</source>
        <translation>已停用设备 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="327" />
        <source>Deleted customer %1</source>
        <translation>已删除客户 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="329" />
        <source>Deactivated customer %1</source>
        <translation>已停用客户 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="366" />
        <source>Saved equipment %1 %2</source>
        <translation>已保存设备 %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab.py" line="439" />
        <source>That record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
</context>
<context>
    <name>CustomersTabLayout</name>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="33" />
        <source>Search name, contact, phone, address, model or serial no (Ctrl+F)</source>
        <translation>搜索 名称、联系人、电话、地址、型号或机号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="40" />
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="41" />
        <source>New customer (Ctrl+N)</source>
        <translation>新建客户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="43" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="44" />
        <source>Edit the selected customer (Enter)</source>
        <translation>编辑所选客户（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="46" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="47" />
        <source>Delete the selected customer (Del)</source>
        <translation>删除所选客户（Del）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="49" />
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="51" />
        <source>The same customer registered twice: move the other record's equipment, tickets and calls to the selected one (Ctrl+M)</source>
        <translation>同一客户登记了两次：把另一条记录的设备、工单和回访并入所选客户（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="56" />
        <source>Import / Export</source>
        <translation>导入 / 导出</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="58" />
        <source>Import customers from Excel…</source>
        <translation>从 Excel 导入客户…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="59" />
        <source>Import equipment from Excel…</source>
        <translation>从 Excel 导入设备…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="61" />
        <source>Export customers to Excel…</source>
        <translation>导出客户到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="62" />
        <source>Export equipment to Excel…</source>
        <translation>导出设备到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="64" />
        <source>Empty customers sheet…</source>
        <translation>客户导入模板…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="65" />
        <source>Empty equipment sheet…</source>
        <translation>设备导入模板…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="79" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="80" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="81" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="82" />
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="83" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="84" />
        <source>Units</source>
        <translation>台数</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="116" />
        <source>Add equipment</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="118" />
        <source>Edit equipment</source>
        <translation>编辑设备</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="120" />
        <source>Delete equipment</source>
        <translation>删除设备</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="122" />
        <source>New ticket for this equipment</source>
        <translation>为此设备新建工单</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="127" />
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="134" />
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="135" />
        <source>Serial no</source>
        <translation>机号</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="136" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="138" />
        <source>Purchased</source>
        <translation>购机日期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="140" />
        <source>Accepted</source>
        <translation>验收日期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="142" />
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="144" />
        <source>First site</source>
        <translation>首次使用地点</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="152" />
        <source>No equipment yet. Add the units this customer bought with “Add equipment”.</source>
        <translation>还没有设备。用“添加设备”登记该客户购买的设备。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="163" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="164" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="165" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="166" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/customers/tab_layout.py" line="196" />
        <source>Select a customer to see their equipment, warranty and history.</source>
        <translation>选择一位客户，查看其设备、保修和历史记录。</translation>
    </message>
</context>
<context>
    <name>DamagedFileDialog</name>
    <message>
        <location filename="../../ui/data/backups.py" line="136" />
        <location filename="../../ui/data/backups.py" line="140" />
        <source>The data file is damaged</source>
        <translation>数据文件已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="148" />
        <source>The newest verified backup is from %1; changes made after it are lost (the damaged file is kept beside it).</source>
        <translation>最新的经过校验的备份是 %1；之后的修改将丢失（损坏的文件会保留在旁边）。</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="151" />
        <source>No verified backup was found in the backup folder.</source>
        <translation>备份文件夹中没有找到经过校验的备份。</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="156" />
        <source>Restore the newest backup</source>
        <translation>恢复最新的备份</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="158" />
        <source>Open another file…</source>
        <translation>打开其他数据文件…</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="159" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="111" />
        <source>Open the month</source>
        <translation>打开该月</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="125" />
        <source>This month so far</source>
        <translation>本月至今</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="129" />
        <source>On-time rate</source>
        <translation>维修及时率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="130" />
        <source>Success rate</source>
        <translation>维修成功率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="131" />
        <source>Customer satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="132" />
        <source>Stock accuracy</source>
        <translation>配件库存准确率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="141" />
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="150" />
        <source>Overdue tickets</source>
        <translation>超时工单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="153" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="154" />
        <location filename="../../ui/dashboard/tab.py" line="186" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="155" />
        <source>Deadline</source>
        <translation>到场时限</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="156" />
        <source>Overdue by</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="157" />
        <source>Technicians</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="170" />
        <source>No overdue tickets.</source>
        <translation>没有超时工单。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="175" />
        <source>Calls due today and overdue</source>
        <translation>今日到期及超期回访</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="182" />
        <source>Due by</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="184" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="187" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="198" />
        <source>No calls due.</source>
        <translation>没有到期的回访。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="203" />
        <source>Work in progress</source>
        <translation>在办工作</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="248" />
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="249" />
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="253" />
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="253" />
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="254" />
        <source>Due by %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="258" />
        <source>Old parts not returned: %1</source>
        <translation>旧件未返库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="260" />
        <source> (%1 overdue)</source>
        <translation>（逾期 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="264" />
        <source>To dispatch</source>
        <translation>待派工</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="264" />
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="265" />
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="265" />
        <source>To call back</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="309" />
        <source>Data behind a month already sent to head office has changed (%1): this changes the figures already sent.</source>
        <translation>已报送总部的月份数据有变动（%1）：已报送的数字将随之改变。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="316" />
        <source>This month so far (%1)</source>
        <translation>本月至今（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="321" />
        <source>Grade so far: %1</source>
        <translation>本月至今等级：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="324" />
        <source>Overdue tickets (%1)</source>
        <translation>超时工单（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="328" />
        <source>Calls due today (%1) and overdue (%2)</source>
        <translation>今日到期回访（%1）及超期回访（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="336" />
        <source>Parts below safety stock: %1</source>
        <translation>低于安全库存的配件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="343" />
        <source>Inspections due: %1</source>
        <translation>到期巡检：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tab.py" line="344" />
        <source>Month report check items: %1</source>
        <translation>月报待处理检查项：%1</translation>
    </message>
</context>
<context>
    <name>DealerTravelDialog</name>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="84" />
        <source>Dealer billing</source>
        <translation>经销商结算</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="89" />
        <source>%1 work hours</source>
        <translation>%1 工时</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="90" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="91" />
        <source>Round-trip transport (yuan)</source>
        <translation>往返交通费（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="97" />
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="102" />
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="103" />
        <source>Settlement</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="105" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DeductionDialog</name>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="24" />
        <source>Record a deduction</source>
        <translation>登记考核扣款</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="33" />
        <source>ticket number, e.g. YX2603007</source>
        <translation>工单号，例如 YX2603007</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="34" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="39" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="44" />
        <source>Rule</source>
        <translation>考核条款</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="45" />
        <source>Missing document: 100 yuan from every team member</source>
        <translation>资料缺失：施工团队每人扣 100 元</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="46" />
        <source>Small safety accident: 2 × the cost, split over the team</source>
        <translation>小安全事故：扣事故费用的两倍，团队分摊</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="47" />
        <source>Major accident: the job's performance pay is cancelled</source>
        <translation>重大事故：取消此项绩效</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="48" />
        <source>Defect from poor work: 100 yuan per item per person</source>
        <translation>质量问题：每项每人扣 100 元</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="49" />
        <source>Other deduction (amount per person)</source>
        <translation>其他扣款（每人金额）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="51" />
        <source>Missing document</source>
        <translation>缺失资料</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="53" />
        <source>Accident cost (yuan)</source>
        <translation>事故费用（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="53" />
        <source>at most 300</source>
        <translation>不超过 300</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="57" />
        <source>Defective items</source>
        <translation>不合格项数</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="58" />
        <source>Found by</source>
        <translation>发现方式</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="59" />
        <source>Amount per person (yuan)</source>
        <translation>每人金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="60" />
        <source>Date of the event / report</source>
        <translation>发生/反映日期</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="64" />
        <source>Persons charged</source>
        <translation>扣款人员</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="68" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="106" />
        <source>not completed</source>
        <translation>未完工</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="108" />
        <source> · leader</source>
        <translation>（组长）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="118" />
        <source>Find the ticket first.</source>
        <translation>请先查找工单。</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="34" />
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="110" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="47" />
        <source>Technicians (Space ticks)</source>
        <translation>技术员（空格键勾选）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="52" />
        <source>Nobody can be dispatched: there is no active technician in the register. Add them with “Technicians…” (also in Settings ▸ Technicians…).</source>
        <translation>无人可派：服务人员档案中没有在职人员。请用“服务人员档案…”添加（也在 设置 ▸ 服务人员档案…）。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="59" />
        <source>Technicians…</source>
        <translation>服务人员档案…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="61" />
        <source>Add, correct or reactivate people in the register (服务人员档案)</source>
        <translation>在服务人员档案中新增、修改或恢复人员</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="70" />
        <source>Leader</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="78" />
        <source>Dispatch time</source>
        <translation>派工时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="83" />
        <source>Transport</source>
        <translation>交通方式</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="85" />
        <source>Departure</source>
        <translation>出发时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="87" />
        <source>Expected return</source>
        <translation>预计返回</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="88" />
        <source>Tools to take</source>
        <translation>携带工具</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="89" />
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="90" />
        <source>Spare parts to carry</source>
        <translation>携带备件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="91" />
        <source>Parts to carry</source>
        <translation>携带备件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="93" />
        <source>Already dispatched to %1: saving a different team is a reassignment and is logged.</source>
        <translation>已派工给 %1：保存不同的人员即为改派，并记入日志。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="111" />
        <source>left</source>
        <translation>已离职</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="119" />
        <source>No technicians in the register yet.</source>
        <translation>服务人员档案中还没有人员。</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <location filename="../../ui/pay/dispute_dialog.py" line="23" />
        <source>Dispute a pay line</source>
        <translation>申诉工资明细</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dispute_dialog.py" line="27" />
        <source>%1 disputes this line of %2:</source>
        <translation>%1 对 %2 的这一行提出申诉：</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dispute_dialog.py" line="31" />
        <source>What is wrong, in his words</source>
        <translation>申诉内容（本人陈述）</translation>
    </message>
</context>
<context>
    <name>EquipmentDialog</name>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="52" />
        <source>New equipment</source>
        <translation>新增设备</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="52" />
        <source>Edit equipment</source>
        <translation>编辑设备</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="55" />
        <source>Customer: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="72" />
        <source>e.g. QTZ80</source>
        <translation>如 QTZ80</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="73" />
        <source>Model*</source>
        <translation>型号*</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="74" />
        <source>Serial no*</source>
        <translation>机号*</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="75" />
        <source>unique for the model</source>
        <translation>同一型号下唯一</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="79" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="80" />
        <source>2026-03-01 or 2026/3/1</source>
        <translation>2026-03-01 或 2026/3/1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="81" />
        <location filename="../../ui/customers/equipment_dialog.py" line="166" />
        <source>Factory date</source>
        <translation>出厂日期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="83" />
        <location filename="../../ui/customers/equipment_dialog.py" line="166" />
        <source>Purchase date</source>
        <translation>购机日期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="85" />
        <location filename="../../ui/customers/equipment_dialog.py" line="167" />
        <source>Delivery date</source>
        <translation>送货日期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="87" />
        <location filename="../../ui/customers/equipment_dialog.py" line="167" />
        <source>Acceptance date</source>
        <translation>安装验收日期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="89" />
        <source>Warranty months</source>
        <translation>保修月数</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="90" />
        <source>blank = office default</source>
        <translation>空白 = 默认</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="91" />
        <source>Invoice no</source>
        <translation>发票号</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="92" />
        <source>First site of use</source>
        <translation>设备第一次使用地点</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="93" />
        <source>Project name</source>
        <translation>工程名称</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="95" />
        <source>Project no (AB)</source>
        <translation>AB号（工程编号）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="96" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="99" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="172" />
        <source>%1 %2 is before %3 %4. The order is factory ≤ purchase ≤ acceptance; delivery between factory and acceptance.</source>
        <translation>%1 %2 早于%3 %4。日期顺序应为：出厂 ≤ 购机 ≤ 验收；送货日期在出厂与验收之间。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="178" />
        <source>Serial no %1 of model %2 is already registered (customer %3).</source>
        <translation>型号 %2 的机号 %1 已登记（客户：%3）。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="181" />
        <source>Not a date. Type it as 2026-03-01 or 2026/3/1, or leave it blank.</source>
        <translation>不是有效日期。请按 2026-03-01 或 2026/3/1 填写，或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="183" />
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="185" />
        <source>Enter a whole number (0 or more), or leave it blank.</source>
        <translation>请填写整数（0 或以上），或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="237" />
        <source>Warranty: give the acceptance or purchase date to work it out.</source>
        <translation>保修：填写验收日期或购机日期后自动判定。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="29" />
        <source>In warranty</source>
        <translation>在保</translation>
    </message>
    <message>
        <location filename="../../ui/customers/equipment_dialog.py" line="30" />
        <source>Out of warranty</source>
        <translation>保外</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <location filename="../../ui/setup/first_start.py" line="109" />
        <source>ServiceDesk — first start</source>
        <translation>ServiceDesk — 首次启动</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="112" />
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="113" />
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="114" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="115" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="120" />
        <source>Your office</source>
        <translation>服务部</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="121" />
        <source>The office name is printed on every form; the department code starts every ticket number (e.g. YX2612001).</source>
        <translation>服务部名称打印在每张表单上；部门代码是每个工单号的开头（例如 YX2612001）。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="123" />
        <source>Office name</source>
        <translation>服务部名称</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="125" />
        <source>Department code</source>
        <translation>部门代码</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="128" />
        <source>1–4 capital letters, e.g. YX</source>
        <translation>1–4 个大写字母，例如 YX</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="131" />
        <source>Clerk (记录人)</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="132" />
        <source>The clerk's name is printed on the forms and written to the logs and history instead of the computer's login. Several clerks can share the office PC: give every name, separated by 、 or commas; the program asks at start who is working.</source>
        <translation>记录人姓名打印在表单上，并写入日志和历史记录（代替电脑的登录名）。几位内勤共用一台电脑时，填写每个人的姓名，用“、”或逗号隔开；程序启动时会询问谁在值班。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="135" />
        <source>Clerk names</source>
        <translation>记录人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="137" />
        <source>e.g. 林芳、何静</source>
        <translation>例如 林芳、何静</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="140" />
        <source>Working now</source>
        <translation>当前记录人</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="147" />
        <source>Manager PIN</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="148" />
        <source>The manager (经理) approves the monthly pay with this PIN and needs it to unlock an approved month. Optional now: set it later under 设置 ▸ 修改经理密码…</source>
        <translation>经理用此密码审批每月工资，解锁已审批的月份也需要它。现在可以不填：以后在 设置 ▸ 修改经理密码… 中设置。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="150" />
        <source>PIN (4–12 digits)</source>
        <translation>经理密码（4–12 位数字）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="152" />
        <source>PIN again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="160" />
        <source>This data file already has a manager PIN.</source>
        <translation>此数据文件已设经理密码。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="163" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="164" />
        <source>A verified copy of the data file is made at every start and close and every few hours. Another disk or a USB stick is safer than the same disk; leave it empty for the default.</source>
        <translation>程序每次启动、关闭以及运行中每隔几小时都会备份数据文件并逐一校验。备份放在另一块硬盘或 U 盘上比放在同一块硬盘上更安全；不填则使用默认文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="174" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="179" />
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="180" />
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="186" />
        <source>How to begin</source>
        <translation>如何开始</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="187" />
        <source>Start with the office's existing Excel sheets, try the program with demo data, or start with an empty file.</source>
        <translation>导入服务部现有的 Excel 表格，用示例数据试用程序，或从空白数据开始。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="191" />
        <source>Import existing Excel sheets (customers and equipment first)</source>
        <translation>导入现有 Excel 表格（先导入客户和设备）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="192" />
        <source>Load demo data (a made-up office with two years of work; manager PIN 1234 unless you set one)</source>
        <translation>载入示例数据（一个虚构服务部两年的业务；未设经理密码时为 1234）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="194" />
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="196" />
        <source>Go on with the records already in this data file</source>
        <translation>继续使用此数据文件中已有的记录</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="222" />
        <source>Folder for the automatic backups</source>
        <translation>自动备份的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="241" />
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="275" />
        <source>Writing the demo data (about half a minute)…</source>
        <translation>正在写入示例数据（约半分钟）…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="277" />
        <source>Demo data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_start.py" line="288" />
        <source>The demo data could not be written: %1</source>
        <translation>无法写入示例数据：%1</translation>
    </message>
</context>
<context>
    <name>Followups</name>
    <message>
        <location filename="../../ui/followups/words.py" line="18" />
        <source>1st call after installation</source>
        <translation>安装后首次回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="19" />
        <source>2nd call after installation (3 months)</source>
        <translation>安装后第二次回访（约3个月）</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="20" />
        <source>3rd call after installation (6 months)</source>
        <translation>安装后第三次回访（6个月）</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="21" />
        <source>1st call after service</source>
        <translation>服务后首次回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="22" />
        <source>2nd call after service</source>
        <translation>服务后第二次回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="23" />
        <source>Satisfaction call after closing</source>
        <translation>结案满意度回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="24" />
        <source>On-site inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="25" />
        <source>Other call</source>
        <translation>其他回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="31" />
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="32" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="33" />
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="34" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="40" />
        <source>Level 1</source>
        <translation>一级</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="41" />
        <source>Level 2</source>
        <translation>二级</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="42" />
        <source>Level 3</source>
        <translation>三级</translation>
    </message>
    <message>
        <location filename="../../ui/followups/words.py" line="43" />
        <source>Level 4</source>
        <translation>四级</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="38" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="40" />
        <source>Due %1 – %2</source>
        <translation>期限 %1 至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="42" />
        <source>%1 unanswered attempt(s)</source>
        <translation>已 %1 次未接通</translation>
    </message>
</context>
<context>
    <name>FollowupsTab</name>
    <message>
        <location filename="../../ui/followups/tab.py" line="59" />
        <source>Calls and inspections</source>
        <translation>回访与巡检</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="60" />
        <source>Inspection plan</source>
        <translation>巡检计划</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="71" />
        <source>Due today and overdue</source>
        <translation>今日到期及超期</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="71" />
        <source>Upcoming</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="72" />
        <location filename="../../ui/followups/tab.py" line="170" />
        <location filename="../../ui/followups/tab.py" line="348" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="72" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="77" />
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="78" />
        <source>Calls only</source>
        <translation>仅电话回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="83" />
        <source>Search customer, phone, ticket no, serial no</source>
        <translation>搜索客户、电话、工单号、机号</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="86" />
        <source>Record outcome (Ctrl+R)</source>
        <translation>记录回访结果 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="89" />
        <location filename="../../ui/followups/tab.py" line="186" />
        <location filename="../../ui/followups/tab.py" line="337" />
        <source>Equipment history</source>
        <translation>设备履历</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="92" />
        <location filename="../../ui/followups/tab.py" line="337" />
        <source>Open ticket</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="95" />
        <source>Cancel follow-up…</source>
        <translation>取消回访…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="112" />
        <location filename="../../ui/followups/tab.py" line="191" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="113" />
        <source>Due by</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="115" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="116" />
        <location filename="../../ui/followups/tab.py" line="198" />
        <location filename="../../ui/followups/tab.py" line="338" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="117" />
        <location filename="../../ui/followups/tab.py" line="199" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="118" />
        <location filename="../../ui/followups/tab.py" line="196" />
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="119" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="120" />
        <source>Attempts</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="122" />
        <source>Last call</source>
        <translation>最近回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="137" />
        <location filename="../../ui/followups/tab.py" line="237" />
        <source>No calls are due. Calls are planned automatically when tickets are completed and closed.</source>
        <translation>没有到期的回访。工单完工和结案后会自动安排回访。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="161" />
        <source>Overdue today</source>
        <translation>今日超期</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="163" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="164" />
        <source>Due in %1 d</source>
        <translation>%1 天后到期</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="232" />
        <source>No follow-up matches “%1”. Check the spelling, or clear the search and choose “All”.</source>
        <translation>没有与“%1”相符的回访。请检查输入，或清除搜索后选择“全部”。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="235" />
        <source>No follow-ups of this kind in this view. Choose “All kinds” to see the others.</source>
        <translation>此视图中没有这一类回访。选择“全部类别”可查看其他回访。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="239" />
        <source>Nothing is planned yet. Calls are planned automatically when tickets are completed and closed.</source>
        <translation>暂无计划的回访。工单完工和结案时会自动安排回访。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="241" />
        <source>No call or inspection has been recorded yet.</source>
        <translation>尚未记录回访或巡检。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="242" />
        <source>No follow-ups yet. They are planned automatically when tickets are completed and closed.</source>
        <translation>还没有回访。工单完工和结案时会自动安排回访。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="274" />
        <source>Showing %1 of %2 follow-ups</source>
        <translation>显示 %1 / 共 %2 个回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="289" />
        <source>Showing %1 of %2 machines</source>
        <translation>显示 %1 / 共 %2 台设备</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="160" />
        <source>Overdue %1 d</source>
        <translation>超期 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="170" />
        <location filename="../../ui/followups/tab.py" line="348" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="177" />
        <source>Search customer, phone, model, serial no</source>
        <translation>搜索客户、电话、型号、机号</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="180" />
        <source>Record inspection</source>
        <translation>记录巡检</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="183" />
        <source>Change date…</source>
        <translation>修改日期…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="192" />
        <source>Inspect by</source>
        <translation>巡检截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="194" />
        <source>Last inspection</source>
        <translation>上次巡检</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="200" />
        <location filename="../../ui/followups/tab.py" line="363" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="213" />
        <source>No plan</source>
        <translation>无计划</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="216" />
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="338" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="338" />
        <source>Findings</source>
        <translation>巡检情况</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="339" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="339" />
        <source>Calls</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="348" />
        <source>Waiting</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="360" />
        <source>Not reached</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="362" />
        <source>Usage</source>
        <translation>使用情况</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="362" />
        <source>Quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="363" />
        <source>Our service</source>
        <translation>服务部</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="364" />
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="364" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="394" />
        <location filename="../../ui/followups/tab.py" line="447" />
        <source>Inspection recorded; the next one is planned in a year.</source>
        <translation>巡检已记录，已安排一年后的下次巡检。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="402" />
        <source>Call recorded; complaint ticket %1 opened.</source>
        <translation>回访已记录，已生成投诉工单 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="406" />
        <source>Not reached: call again from %1.</source>
        <translation>未接通：%1 起再次回访。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="408" />
        <source>Call recorded.</source>
        <translation>回访已记录。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="415" />
        <source>Cancel follow-up</source>
        <translation>取消回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="416" />
        <source>Why will this follow-up not be made?</source>
        <translation>为什么不再进行这次回访？</translation>
    </message>
    <message>
        <location filename="../../ui/followups/tab.py" line="424" />
        <source>Follow-up cancelled.</source>
        <translation>回访已取消。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/form_dialog.py" line="55" />
        <source>Unsaved changes</source>
        <translation>未保存的内容</translation>
    </message>
    <message>
        <location filename="../../ui/form_dialog.py" line="56" />
        <source>Discard unsaved changes?</source>
        <translation>放弃未保存的内容？</translation>
    </message>
    <message>
        <location filename="../../ui/form_dialog.py" line="57" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../ui/form_dialog.py" line="58" />
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../ui/form_dialog.py" line="69" />
        <source>Changed meanwhile</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/form_dialog.py" line="73" />
        <source>Reload shows what is stored now; what you typed here is replaced. Keep my typing leaves this form as it is, so you can copy from it.</source>
        <translation>“重新载入”显示现在保存的内容，这里输入的内容将被替换。“保留我的输入”让表单保持原样，您可以从中复制。</translation>
    </message>
    <message>
        <location filename="../../ui/form_dialog.py" line="70" />
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location filename="../../ui/form_dialog.py" line="71" />
        <source>Keep my typing</source>
        <translation>保留我的输入</translation>
    </message>
    <message>
        <location filename="../../ui/form_dialog.py" line="225" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/form_dialog.py" line="226" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <location filename="../../ui/import_export.py" line="261" />
        <source>Import %1</source>
        <translation>导入%1</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="264" />
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="273" />
        <source>Update records that already exist</source>
        <translation>更新已存在的记录</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="274" />
        <source>Not ticked: a row for a record that already exists is listed as a problem and nothing is imported.</source>
        <translation>不勾选：已存在记录的行列为问题，整个文件不导入。</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="276" />
        <source>Existing records</source>
        <translation>已有记录</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="281" />
        <source>Count date</source>
        <translation>盘点日期</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="281" />
        <source>Opening stock date</source>
        <translation>期初入库日期</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="284" />
        <source>Also post the stock adjustments</source>
        <translation>同时过账盘点调整</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="285" />
        <source>Not ticked: the count is saved as finished and can be posted later.</source>
        <translation>不勾选：盘点保存为已完成，以后再过账。</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="287" />
        <source>Adjustments</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="291" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="293" />
        <source>Issue the listed parts from stock</source>
        <translation>按所列配件出库</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="294" />
        <source>Not ticked: the tickets' parts are recorded without changing the stock.</source>
        <translation>不勾选：只记录工单配件，不改变库存。</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="296" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="297" />
        <source>Check only: find the problems, write nothing</source>
        <translation>仅检查：找出问题，不写入任何数据</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="300" />
        <location filename="../../ui/import_export.py" line="316" />
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="301" />
        <source>The whole file is imported or nothing: if any row has a problem, nothing is written and the problems are listed.</source>
        <translation>整个文件要么全部导入，要么都不导入：任何一行有问题，都不写入，并列出问题。</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="316" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>KpiTab</name>
    <message>
        <location filename="../../ui/kpi/tab.py" line="111" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="114" />
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="124" />
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="127" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="131" />
        <source>Include the year's dealer service fee</source>
        <translation>附本年度经销商服务费</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="133" />
        <source>Export to Excel… (Ctrl+E)</source>
        <translation>导出 Excel… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="136" />
        <location filename="../../ui/kpi/tab.py" line="339" />
        <source>Mark as sent…</source>
        <translation>标记为已报送…</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="139" />
        <source>Roll up the branches…</source>
        <translation>汇总各分公司…</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="140" />
        <source>Head office: read the branches' monthly workbooks from a folder and write the company report</source>
        <translation>总部用：从文件夹读取各分公司的月报，生成公司汇总</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="154" />
        <source>On-time rate (维修及时率)</source>
        <translation>维修及时率</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="155" />
        <source>Success rate (维修成功率)</source>
        <translation>维修成功率</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="156" />
        <source>Customer satisfaction (客户满意度)</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="157" />
        <source>Stock accuracy (配件库存准确率)</source>
        <translation>配件库存准确率</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="158" />
        <location filename="../../ui/kpi/tab.py" line="187" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="170" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="171" />
        <source>Record (double-click to open)</source>
        <translation>记录（双击打开）</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="176" />
        <source>Pre-export check</source>
        <translation>导出前检查</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="179" />
        <source>Technician</source>
        <translation>服务人员</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="180" />
        <source>Repairs</source>
        <translation>维修数</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="181" />
        <source>On-time rate</source>
        <translation>维修及时率</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="183" />
        <source>Success rate</source>
        <translation>维修成功率</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="185" />
        <location filename="../../ui/kpi/tab.py" line="193" />
        <location filename="../../ui/kpi/tab.py" line="218" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="189" />
        <location filename="../../ui/kpi/tab.py" line="201" />
        <source>Technicians</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="191" />
        <location filename="../../ui/kpi/tab.py" line="217" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="192" />
        <source>Calls reached</source>
        <translation>回访接通数</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="196" />
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="198" />
        <location filename="../../ui/kpi/tab.py" line="215" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="199" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="200" />
        <location filename="../../ui/kpi/tab.py" line="216" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="203" />
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="204" />
        <location filename="../../ui/kpi/tab.py" line="206" />
        <source>Why</source>
        <translation>判定依据</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="205" />
        <source>Successful</source>
        <translation>维修成功</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="211" />
        <source>Repairs counted</source>
        <translation>维修明细</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="213" />
        <source>Called at</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="214" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="220" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="226" />
        <source>Calls counted</source>
        <translation>回访明细</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="228" />
        <source>Count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="229" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="231" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="232" />
        <source>Book</source>
        <translation>账面数</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="202" />
        <source>Completed at</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="230" />
        <source>Part code</source>
        <translation>配件编码</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="233" />
        <source>Counted qty</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="234" />
        <source>Matches</source>
        <translation>账实相符</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="239" />
        <source>Stock count lines</source>
        <translation>盘点明细</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="241" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="247" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="247" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="258" />
        <source>Completed without an arrival time (counts as late)</source>
        <translation>完工无到场时间（计为不及时）</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="259" />
        <source>Completed without a result (counts as unsuccessful)</source>
        <translation>完工无维修结果（计为不成功）</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="260" />
        <source>Follow-up call due this month not made yet</source>
        <translation>本月应回访未回访</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="261" />
        <source>Note: follow-up call still due this month (not overdue yet)</source>
        <translation>提示：本月尚未到期的回访（未超期，不计为问题）</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="262" />
        <source>Stock count not posted</source>
        <translation>盘点未过账</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="305" />
        <source>%1 on time of %2 repairs</source>
        <translation>%2 次维修中及时 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="307" />
        <source>%1 successful of %2 repairs</source>
        <translation>%2 次维修中成功 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="309" />
        <source>%1 satisfied of %2 calls reached</source>
        <translation>接通 %2 次中满意 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="311" />
        <source>%1 matching of %2 parts counted</source>
        <translation>盘点 %2 种中相符 %1 种</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="314" />
        <source>Mean of the rates: %1</source>
        <translation>各项平均：%1</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="322" />
        <source>Pre-export check (%1)</source>
        <translation>导出前检查 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="338" />
        <source>Not sent to head office yet.</source>
        <translation>本月尚未报送总部。</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="342" />
        <source>Sent to head office on %1</source>
        <translation>已于 %1 报送总部</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="345" />
        <source>Mark as sent again…</source>
        <translation>重新标记为已报送…</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="348" />
        <source>Sent</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="353" />
        <source>Changed after sending</source>
        <translation>报送后数据有变动</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="355" />
        <source>this changes the figures already sent.</source>
        <translation>已报送的数字将随之改变。</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="368" />
        <source>Export the month's workbook</source>
        <translation>导出月报工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="369" />
        <location filename="../../ui/kpi/tab.py" line="420" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="383" />
        <source>Writing the workbook…</source>
        <translation>正在生成工作簿…</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="383" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="384" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="401" />
        <source>Workbook written to %1</source>
        <translation>工作簿已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="409" />
        <source>Export cancelled.</source>
        <translation>已取消导出。</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="419" />
        <source>Choose the workbook that was sent to head office</source>
        <translation>选择已报送总部的工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="430" />
        <source>Mark %1 as sent to head office with the workbook %2?

SHA-256 %3</source>
        <translation>将 %1 标记为已报送总部，报送文件为 %2？

SHA-256 %3</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="432" />
        <source>Mark as sent</source>
        <translation>标记为已报送</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/tab.py" line="444" />
        <source>%1 marked as sent.</source>
        <translation>%1 已标记为已报送。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="104" />
        <source>ServiceDesk — After-sales service office</source>
        <translation>ServiceDesk — 售后服务管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158" />
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159" />
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160" />
        <source>Tickets</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161" />
        <source>Parts</source>
        <translation>配件台账</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163" />
        <source>Technician pay</source>
        <translation>绩效工资</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <source>Monthly KPI</source>
        <translation>月报</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170" />
        <source>Switch &amp;clerk…</source>
        <translation>切换记录人(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175" />
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>Back up &amp;to a folder…</source>
        <translation>备份到其他文件夹(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177" />
        <source>Backup &amp;folder…</source>
        <translation>备份文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178" />
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184" />
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204" />
        <source>&amp;Actions</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209" />
        <source>&amp;Business settings…</source>
        <translation>业务参数(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212" />
        <source>&amp;Printing and paper…</source>
        <translation>打印与纸张(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215" />
        <source>&amp;Work-hour catalog…</source>
        <translation>工时标准目录(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218" />
        <source>&amp;Technicians…</source>
        <translation>服务人员档案(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224" />
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228" />
        <source>&amp;About ServiceDesk</source>
        <translation>关于 ServiceDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247" />
        <location filename="../../ui/main_window.py" line="254" />
        <source>New ticket…</source>
        <translation>新建工单…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250" />
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251" />
        <location filename="../../ui/main_window.py" line="256" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252" />
        <source>New ticket for this equipment…</source>
        <translation>为此设备新建工单…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253" />
        <source>Merge a duplicate into this customer…</source>
        <translation>将重复客户合并到此客户…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257" />
        <source>Receive…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258" />
        <source>Issue…</source>
        <translation>领用…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259" />
        <source>Return…</source>
        <translation>退库…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260" />
        <source>Old-for-new exchange…</source>
        <translation>以旧换新…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261" />
        <source>Scrap…</source>
        <translation>报废…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262" />
        <source>Stock count…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263" />
        <source>Delete or deactivate the part…</source>
        <translation>删除或停用配件…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264" />
        <source>Record the call…</source>
        <translation>记录回访…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265" />
        <source>Call history</source>
        <translation>回访历史</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266" />
        <source>Cancel follow-up…</source>
        <translation>取消回访…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267" />
        <source>Approve the month…</source>
        <translation>审批本月工资…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268" />
        <source>Unlock the month…</source>
        <translation>解锁本月工资…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269" />
        <source>Add a deduction…</source>
        <translation>添加考核扣款…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270" />
        <source>Dispute the line…</source>
        <translation>对此行提出争议…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271" />
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272" />
        <source>Mark as sent…</source>
        <translation>标记为已报送…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273" />
        <source>Company workbook from the branches…</source>
        <translation>汇总各服务部月报…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288" />
        <source>Clerk: %1</source>
        <translation>记录人：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296" />
        <source>Clerk now: %1</source>
        <translation>当前记录人：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361" />
        <source>Read-only: cannot save. %1. Viewing, searching, printing, export and backup work.</source>
        <translation>只读：无法保存。原因：%1。查看、搜索、打印、导出和备份仍可使用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365" />
        <source>The data file is on a network share (%1). SQLite over a network share can corrupt data: keep the data file on this PC's own disk and back up to the share instead.</source>
        <translation>数据文件位于网络共享上（%1）。通过网络共享使用 SQLite 可能损坏数据：请把数据文件放在本机硬盘上，把备份放到共享上。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407" />
        <location filename="../../ui/main_window.py" line="568" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416" />
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425" />
        <source>Choose a folder for the backup</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="434" />
        <source>Folder for the automatic backups</source>
        <translation>自动备份的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="483" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="484" />
        <source>The data file was restored from %1. The replaced file is kept:%2</source>
        <translation>已从 %1 恢复数据文件。被替换的文件已保留：%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="411" />
        <source>Backup written to %1</source>
        <translation>已备份到 %1</translation>
    </message>
</context>
<context>
    <name>ManagerPinPrompt</name>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="60" />
        <location filename="../../ui/settings/pin_dialogs.py" line="63" />
        <source>Manager PIN</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="64" />
        <source>Takes effect from (month)</source>
        <translation>生效月份</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="70" />
        <source>Type the manager PIN.</source>
        <translation>请输入经理密码。</translation>
    </message>
</context>
<context>
    <name>MergeCustomersDialog</name>
    <message>
        <location filename="../../ui/customers/merge_dialog.py" line="36" />
        <location filename="../../ui/customers/merge_dialog.py" line="112" />
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge_dialog.py" line="39" />
        <source>Keep: %1</source>
        <translation>保留：%1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge_dialog.py" line="43" />
        <source>Choose the same customer registered a second time. Its equipment, tickets and follow-up calls move to the customer above; its name and phone stay as an alias that still finds it.</source>
        <translation>选择重复登记的同一客户。其设备、工单和回访将转到上面的客户名下；其名称和电话保留为别名，仍能查到该客户。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge_dialog.py" line="47" />
        <source>Search another customer: name, phone or pinyin</source>
        <translation>搜索其他客户：名称、电话或拼音</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge_dialog.py" line="56" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge_dialog.py" line="99" />
        <source>Moves %1 equipment, %2 tickets and %3 follow-up calls to %4.</source>
        <translation>将把设备 %1 台、工单 %2 张、回访 %3 条转到“%4”名下。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge_dialog.py" line="103" />
        <source>No customer chosen.</source>
        <translation>尚未选择客户。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge_dialog.py" line="110" />
        <source>Merge %1 into %2? This cannot be undone here.</source>
        <translation>确定将“%1”并入“%2”？此操作在程序中无法撤销。</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="95" />
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="101" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="105" />
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="111" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="112" />
        <source>Document no</source>
        <translation>单据号</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="113" />
        <source>Unit price (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="114" />
        <source>empty = the part's list price</source>
        <translation>留空 = 配件标准单价</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="116" />
        <source>Ticket no</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="117" />
        <source>e.g. YX2611007 (optional)</source>
        <translation>如 YX2611007（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="121" />
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="124" />
        <source>Technician</source>
        <translation>服务人员</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="125" />
        <source>Recipient</source>
        <translation>领用人</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="126" />
        <source>empty = the technician</source>
        <translation>留空 = 维修人员本人</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="128" />
        <source>Old part serial no</source>
        <translation>旧件编号</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="129" />
        <source>Old part condition</source>
        <translation>旧件状况</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="131" />
        <source>e.g. winding burnt</source>
        <translation>如 绕组烧毁</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="132" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="132" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="135" />
        <source>required, e.g. rusted in store</source>
        <translation>必填，如 库存锈蚀</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="151" />
        <source>Receive parts</source>
        <translation>配件入库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="152" />
        <source>Issue parts</source>
        <translation>领用出库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="153" />
        <source>Return parts to stock</source>
        <translation>配件退库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="154" />
        <source>Old-for-new exchange</source>
        <translation>以旧换新</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="155" />
        <source>Scrap parts</source>
        <translation>配件报废</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="165" />
        <source>Book stock: %1 %2 · safety stock %3 · list price %4 yuan</source>
        <translation>账面库存：%1 %2 · 安全库存 %3 · 单价 %4 元</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="181" />
        <source>Choose a part.</source>
        <translation>请选择配件。</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="204" />
        <source>%1: %2 × %3, book stock now %4</source>
        <translation>%1：%2 × %3，账面库存现为 %4</translation>
    </message>
</context>
<context>
    <name>MoveInspectionDialog</name>
    <message>
        <location filename="../../ui/followups/inspection_dialog.py" line="91" />
        <source>Plan inspection</source>
        <translation>安排巡检</translation>
    </message>
    <message>
        <location filename="../../ui/followups/inspection_dialog.py" line="99" />
        <source>Inspect by</source>
        <translation>巡检截止日期</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="67" />
        <source>New ticket — take a call</source>
        <translation>新建工单 — 接听报修</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="68" />
        <source>Correct the intake of %1</source>
        <translation>修改工单 %1 的受理信息</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="75" />
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="78" />
        <source>Caller's phone or name, serial no… (matches appear as you type)</source>
        <translation>来电号码或客户名称、机号…（输入即显示匹配）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="81" />
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="89" />
        <source>No customer chosen yet.</source>
        <translation>尚未选择客户。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="104" />
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="121" />
        <source>No 三包 exclusion</source>
        <translation>无三包除外情形</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="124" />
        <source>Decide automatically</source>
        <translation>自动判定</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="125" />
        <source>Manual: in warranty</source>
        <translation>人工判定：在保</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="126" />
        <source>Manual: out of warranty</source>
        <translation>人工判定：保外</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="127" />
        <source>Reason for the manual decision</source>
        <translation>人工判定的理由</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="137" />
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="152" />
        <source>via</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="155" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="161" />
        <source>What the caller says is wrong (报修内容)</source>
        <translation>来电反映的故障（报修内容）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="163" />
        <source>Fault</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="174" />
        <source>Fault level</source>
        <translation>故障等级</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="176" />
        <source>First judgement (optional)</source>
        <translation>初步判断（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="177" />
        <source>First judgement</source>
        <translation>初步判断</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="182" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="183" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="186" />
        <source>Contact, phone</source>
        <translation>联系人、电话</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="188" />
        <source>Site address</source>
        <translation>现场地址</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="189" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="195" />
        <source>Requested service time (optional)</source>
        <translation>要求服务时间（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="198" />
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="200" />
        <source>Service time</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="206" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="207" />
        <source>Install self-check record</source>
        <translation>安装自检记录</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="208" />
        <source>Dealer's diagnosis</source>
        <translation>经销商初步诊断</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="212" />
        <source>Dealer report</source>
        <translation>经销商报修</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="218" />
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="222" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="309" />
        <source>No customer matches. Press New customer… to add the caller.</source>
        <translation>没有匹配的客户。按"新建客户…"登记来电人。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="354" />
        <source>Choose the caller first</source>
        <translation>请先选择来电客户</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="372" />
        <source>No equipment / not known yet</source>
        <translation>无设备 / 暂不清楚</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="405" />
        <source>Not decided</source>
        <translation>未判定</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="406" />
        <source>Choose the equipment to decide the warranty.</source>
        <translation>选择设备后自动判定保修。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="413" />
        <source>Needs a reason</source>
        <translation>需填写理由</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="417" />
        <source>In warranty</source>
        <translation>在保</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="419" />
        <source>Out of warranty</source>
        <translation>保外</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="426" />
        <source>Choose the fault level…</source>
        <translation>请选择故障等级…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="426" />
        <source>No level (optional for this type)</source>
        <translation>不分级（此类型可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="445" />
        <source>respond by %1</source>
        <translation>%1 前响应</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="447" />
        <source>remote fix by %1</source>
        <translation>%1 前远程解决</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="447" />
        <source>on site by %1</source>
        <translation>%1 前到场</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/new_dialog.py" line="517" />
        <source>Choose the caller (type the phone or name) or create a new customer.</source>
        <translation>请选择来电客户（输入电话或名称），或新建客户。</translation>
    </message>
</context>
<context>
    <name>OldPartDialog</name>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="217" />
        <source>Book old part back</source>
        <translation>旧件入库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="219" />
        <source>%1 %2 × %3 from %4, exchanged %5</source>
        <translation>%1 %2 × %3，领用人 %4，换件时间 %5</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="226" />
        <source>Returned at</source>
        <translation>返库时间</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="229" />
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="230" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="232" />
        <source>Book back</source>
        <translation>旧件入库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="247" />
        <source>Old part %1 booked back</source>
        <translation>旧件 %1 已入库</translation>
    </message>
</context>
<context>
    <name>PartDialog</name>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="24" />
        <source>Edit part</source>
        <translation>编辑配件</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="24" />
        <source>New part</source>
        <translation>新建配件</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="29" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="30" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="31" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="35" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="36" />
        <source>Price (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="37" />
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="38" />
        <source>shelf, e.g. A-01-02</source>
        <translation>货架，如 A-01-02</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="41" />
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="42" />
        <source>In use (shown in the lists)</source>
        <translation>在用（在列表中显示）</translation>
    </message>
    <message>
        <location filename="../../ui/parts/part_dialog.py" line="85" />
        <source>Saved part %1</source>
        <translation>已保存配件 %1</translation>
    </message>
</context>
<context>
    <name>PartsLedger</name>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="31" />
        <source>Receipt</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="32" />
        <source>Issue</source>
        <translation>领用出库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="33" />
        <source>Return</source>
        <translation>退库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="34" />
        <source>Old-for-new exchange</source>
        <translation>以旧换新</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="35" />
        <source>Old part booked back</source>
        <translation>旧件入库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="36" />
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <location filename="../../ui/parts/move_dialog.py" line="37" />
        <source>Count adjustment</source>
        <translation>盘点调整</translation>
    </message>
</context>
<context>
    <name>PartsTab</name>
    <message>
        <location filename="../../ui/parts/tab.py" line="93" />
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="93" />
        <source>Not in use</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="107" />
        <source>Stock right after this line, in date order</source>
        <translation>按日期顺序，此笔之后的库存</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="109" />
        <source>Book stock when this line was booked: %1 (lines were booked out of date order)</source>
        <translation>记此笔账时账面库存为 %1（有记录未按日期顺序录入）</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="156" />
        <source>Correct line</source>
        <translation>冲销更正</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="157" />
        <source>Book an opposite line for #%1 (%2 %3 %4). Reason:</source>
        <translation>为第 %1 条（%2 %3 %4）记一条冲销记录。原因：</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="174" />
        <source>%1 part(s) below safety stock. Suggested order = (safety stock − book stock) + average monthly use of the last %2 months.</source>
        <translation>%1 种配件低于安全库存。建议采购量 =（安全库存 − 账面库存）+ 近 %2 个月月均用量。</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="180" />
        <source>Overdue %1 h</source>
        <translation>逾期 %1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="182" />
        <source>Due in %1 h</source>
        <translation>%1 小时内应返库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="195" />
        <source>%1 old part(s) not yet booked back, %2 overdue. Faulty parts are due in the warehouse %3 h after the technician's return.</source>
        <translation>%1 件旧件尚未返库，其中 %2 件已逾期。故障旧件应在维修人员返回后 %3 小时内入库。</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="210" />
        <source>Book old part back</source>
        <translation>旧件入库</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="211" />
        <source>Choose an old part in the list first.</source>
        <translation>请先在列表中选择一件旧件。</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="216" />
        <source>in progress</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="216" />
        <source>finished, not posted</source>
        <translation>已完成，未过账</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="217" />
        <source>posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="220" />
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="220" />
        <source>on screen</source>
        <translation>屏幕录入</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="235" />
        <source>Stock accuracy %1: %2 / %3 = %4</source>
        <translation>%1 配件库存准确率：%2 / %3 = %4</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="298" />
        <source>Reactivated part %1</source>
        <translation>已启用配件 %1</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="297" />
        <source>Deleted part %1</source>
        <translation>已删除配件 %1</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="297" />
        <source>Deactivated part %1</source>
        <translation>已停用配件 %1</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="304" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="318" />
        <location filename="../../ui/parts/tab.py" line="331" />
        <source>Written to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="310" />
        <source>Export purchase list</source>
        <translation>导出采购建议</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="323" />
        <source>Export old parts list</source>
        <translation>导出旧件待返清单</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="337" />
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="343" />
        <source>Writing the ledger…</source>
        <translation>正在导出台账…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="343" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="352" />
        <source>%1 ledger lines written to %2</source>
        <translation>已导出 %1 条台账记录到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="358" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="380" />
        <source>Showing %1 of %2 parts · %3 below safety stock</source>
        <translation>显示 %1 / 共 %2 种配件 · %3 种低于安全库存</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="417" />
        <source>All technicians</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="439" />
        <source>Low stock (%1)</source>
        <translation>低库存 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab.py" line="441" />
        <source>Old parts to return (%1)</source>
        <translation>旧件待返 (%1)</translation>
    </message>
</context>
<context>
    <name>PartsTabLayout</name>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="45" />
        <source>Search code, name, spec or location</source>
        <translation>搜索编码、名称、规格或库位</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="48" />
        <source>Low stock only</source>
        <translation>只看低库存</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="51" />
        <source>Show parts not in use</source>
        <translation>显示停用配件</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="55" />
        <source>New part</source>
        <translation>新建配件</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="56" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="57" />
        <source>Delete or deactivate…</source>
        <translation>删除或停用…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="58" />
        <source>A part with ledger lines can only be deactivated (停用) (Del)</source>
        <translation>有台账记录的配件只能停用（Del）</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="64" />
        <source>Receive (F2)</source>
        <translation>入库 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="64" />
        <source>Issue (F3)</source>
        <translation>领用 (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="65" />
        <source>Return (F4)</source>
        <translation>退库 (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="65" />
        <source>Exchange (F6)</source>
        <translation>以旧换新 (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="66" />
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="72" />
        <source>Stock count…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="88" />
        <location filename="../../ui/parts/tab_layout.py" line="172" />
        <location filename="../../ui/parts/tab_layout.py" line="224" />
        <location filename="../../ui/parts/tab_layout.py" line="256" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="89" />
        <location filename="../../ui/parts/tab_layout.py" line="173" />
        <location filename="../../ui/parts/tab_layout.py" line="225" />
        <location filename="../../ui/parts/tab_layout.py" line="257" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="90" />
        <location filename="../../ui/parts/tab_layout.py" line="174" />
        <location filename="../../ui/parts/tab_layout.py" line="226" />
        <location filename="../../ui/parts/tab_layout.py" line="258" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="91" />
        <location filename="../../ui/parts/tab_layout.py" line="227" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="92" />
        <location filename="../../ui/parts/tab_layout.py" line="234" />
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="93" />
        <location filename="../../ui/parts/tab_layout.py" line="228" />
        <source>Book stock</source>
        <translation>账面库存</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="94" />
        <location filename="../../ui/parts/tab_layout.py" line="229" />
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="95" />
        <source>Price (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="97" />
        <location filename="../../ui/parts/tab_layout.py" line="264" />
        <location filename="../../ui/parts/tab_layout.py" line="286" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="98" />
        <source>Last move</source>
        <translation>最近变动</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="106" />
        <source>No parts yet. Add a part, or import the parts list from Excel.</source>
        <translation>还没有配件。新建配件，或从 Excel 导入配件档案。</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="113" />
        <source>Ledger</source>
        <translation>台账明细</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="114" />
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="115" />
        <source>Old parts to return</source>
        <translation>旧件待返</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="116" />
        <source>Stock counts</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="143" />
        <source>Selected part only</source>
        <translation>只看所选配件</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="148" />
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="153" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="156" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="159" />
        <source>Ticket no</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="167" />
        <source>Correct line…</source>
        <translation>冲销更正…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="168" />
        <source>Export ledger…</source>
        <translation>导出台账…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="171" />
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="175" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="176" />
        <location filename="../../ui/parts/tab_layout.py" line="259" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="177" />
        <source>Balance</source>
        <translation>结存</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="180" />
        <location filename="../../ui/parts/tab_layout.py" line="255" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="181" />
        <source>Recipient</source>
        <translation>领用人</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="183" />
        <source>Supplier / document</source>
        <translation>供应商/单据</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="185" />
        <source>Old part</source>
        <translation>旧件</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="187" />
        <source>Reason / note</source>
        <translation>原因/备注</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="188" />
        <source>Booked by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="195" />
        <source>Select a part in the list above to see its ledger lines, or untick 'Selected part only' to see the lines of all parts.</source>
        <translation>请在上方列表中选择一个配件查看其台账；或取消勾选“只看所选配件”查看全部配件的台账。</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="208" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="221" />
        <source>Export purchase list…</source>
        <translation>导出采购建议…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="230" />
        <source>Monthly use</source>
        <translation>月均用量</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="231" />
        <source>Suggested order</source>
        <translation>建议采购量</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="232" />
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="250" />
        <source>Book old part back…</source>
        <translation>旧件入库…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="251" />
        <source>Export list…</source>
        <translation>导出清单…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="254" />
        <source>Technician</source>
        <translation>服务人员</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="260" />
        <source>Old part serial no</source>
        <translation>旧件编号</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="261" />
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="262" />
        <source>Exchanged</source>
        <translation>换件时间</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="263" />
        <source>Due back</source>
        <translation>应返库时间</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="278" />
        <source>Start count…</source>
        <translation>开始盘点…</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="279" />
        <source>Open count</source>
        <translation>打开盘点</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="285" />
        <source>Count date</source>
        <translation>盘点日期</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="287" />
        <source>Parts</source>
        <translation>配件台账</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="288" />
        <source>Counted</source>
        <translation>已盘</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="289" />
        <source>Differences</source>
        <translation>差异数</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="290" />
        <source>Entered</source>
        <translation>已录入</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="291" />
        <source>Counted by</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <location filename="../../ui/parts/tab_layout.py" line="292" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PayDialogs</name>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="19" />
        <source>Give the ticket number.</source>
        <translation>请填写工单号。</translation>
    </message>
</context>
<context>
    <name>PayTab</name>
    <message>
        <location filename="../../ui/pay/attendance.py" line="104" />
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pay/attendance.py" line="75" />
        <source>Nothing was imported</source>
        <translation>未导入任何数据</translation>
    </message>
    <message>
        <location filename="../../ui/pay/attendance.py" line="76" />
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/attendance.py" line="105" />
        <source>Days worked</source>
        <translation>出勤天数</translation>
    </message>
    <message>
        <location filename="../../ui/pay/attendance.py" line="106" />
        <source>Long-trip days</source>
        <translation>远差天数</translation>
    </message>
    <message>
        <location filename="../../ui/pay/attendance.py" line="107" />
        <source>Living allowance</source>
        <translation>生活补贴</translation>
    </message>
    <message>
        <location filename="../../ui/pay/attendance.py" line="109" />
        <source>Entered</source>
        <translation>已录入</translation>
    </message>
    <message>
        <location filename="../../ui/pay/attendance.py" line="109" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/pay/attendance.py" line="103" />
        <source>Technician</source>
        <translation>服务人员</translation>
    </message>
    <message>
        <location filename="../../ui/pay/attendance.py" line="109" />
        <source>not yet</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="103" />
        <source>%1 open</source>
        <translation>%1 条待处理</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="135" />
        <source>Approved and locked (已审批锁定) · %1 · %2</source>
        <translation>已审批锁定 · %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="139" />
        <source>Draft (草稿): figures follow the tickets until approved</source>
        <translation>草稿：审批前数字随工单变化</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="141" />
        <source>%1 open dispute(s)</source>
        <translation>%1 条申诉待处理</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="151" />
        <source>%1 people · %2 work hours · performance %3 · deductions %4 · total %5 yuan</source>
        <translation>%1 人 · 工时 %2 · 绩效 %3 · 扣款 %4 · 应发合计 %5 元</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="175" />
        <source>No technicians in the register yet. Add them in Settings ▸ Technicians… (or import the register from Excel there); then their attendance, work hours and pay appear here.</source>
        <translation>服务人员档案中还没有人员。请在 设置 ▸ 服务人员档案… 中添加（也可在那里从 Excel 导入档案）；之后他们的出勤、工时和工资会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="178" />
        <source>Nobody has work, attendance or deductions in %1.</source>
        <translation>%1 没有任何人的工时、出勤或扣款。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="194" />
        <source>%1: %2 work hours, total %3 yuan</source>
        <translation>%1：工时 %2，应发合计 %3 元</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="235" />
        <source>Attendance saved</source>
        <translation>出勤已保存</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="258" />
        <source>Pay month %1 approved and locked</source>
        <translation>%1 绩效工资已审批锁定</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="264" />
        <source>Pay month %1 unlocked</source>
        <translation>%1 绩效工资已解锁</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="293" />
        <source>Deduction recorded</source>
        <translation>扣款已登记</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="300" />
        <source>Choose a deduction line first.</source>
        <translation>请先选择一条扣款。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="305" />
        <source>Deduction voided</source>
        <translation>扣款已作废</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="312" />
        <source>Choose the line he disputes first.</source>
        <translation>请先选择申诉的明细行。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="316" />
        <source>Dispute recorded</source>
        <translation>申诉已登记</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="323" />
        <source>Choose a dispute first.</source>
        <translation>请先选择一条申诉。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="327" />
        <source>This dispute already has an outcome.</source>
        <translation>该申诉已有处理结果。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="331" />
        <source>Outcome recorded</source>
        <translation>处理结果已登记</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="340" />
        <source>Adjustment added</source>
        <translation>调整已添加</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="349" />
        <source>Refund added</source>
        <translation>报销已添加</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="360" />
        <location filename="../../ui/pay/tab.py" line="367" />
        <source>Choose a dealer ticket first.</source>
        <translation>请先选择一张经销商工单。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="362" />
        <source>Dealer billing saved</source>
        <translation>经销商结算已保存</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="369" />
        <source>Save dealer statement</source>
        <translation>保存派工费用核算表</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="385" />
        <location filename="../../ui/pay/tab.py" line="438" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="393" />
        <source>Save pay workbook</source>
        <translation>保存绩效工资表</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="395" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="400" />
        <source>Save pay slips</source>
        <translation>保存工资条</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab.py" line="420" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>PayTabLayout</name>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="44" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="47" />
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="56" />
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="64" />
        <source>&amp;Approve…</source>
        <translation>审批(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="65" />
        <source>&amp;Unlock…</source>
        <translation>解锁(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="66" />
        <source>Work-hour &amp;catalog…</source>
        <translation>工时标准(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="67" />
        <source>&amp;Export workbook…</source>
        <translation>导出工资表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="68" />
        <source>Pay &amp;slips (PDF)…</source>
        <translation>工资条 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="83" />
        <location filename="../../ui/pay/tab_layout.py" line="198" />
        <source>Technician</source>
        <translation>服务人员</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="84" />
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="85" />
        <location filename="../../ui/pay/tab_layout.py" line="227" />
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="86" />
        <source>Long trips</source>
        <translation>远差天数</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="87" />
        <location filename="../../ui/pay/tab_layout.py" line="228" />
        <source>Work hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="88" />
        <source>Performance</source>
        <translation>绩效工资</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="89" />
        <source>Allowance</source>
        <translation>生活补贴</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="90" />
        <source>Base salary</source>
        <translation>基本工资</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="91" />
        <source>Refunds</source>
        <translation>车票报销</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="92" />
        <source>Deductions</source>
        <translation>考核扣款</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="93" />
        <source>Total pay</source>
        <translation>应发合计</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="94" />
        <location filename="../../ui/pay/tab_layout.py" line="112" />
        <source>Disputes</source>
        <translation>申诉</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="110" />
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="111" />
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="113" />
        <source>Dealer billing</source>
        <translation>经销商结算</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="114" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="138" />
        <source>Open ticket</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="139" />
        <source>&amp;Deduction…</source>
        <translation>考核扣款(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="140" />
        <source>Void deduction…</source>
        <translation>作废扣款…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="141" />
        <source>D&amp;ispute…</source>
        <translation>申诉(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="142" />
        <source>Ad&amp;justment…</source>
        <translation>调整(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="143" />
        <source>&amp;Refund tickets…</source>
        <translation>车票报销(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="146" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="148" />
        <location filename="../../ui/pay/tab_layout.py" line="200" />
        <location filename="../../ui/pay/tab_layout.py" line="223" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="149" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="150" />
        <location filename="../../ui/pay/tab_layout.py" line="226" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="151" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="152" />
        <source>Job hours</source>
        <translation>工单工时</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="155" />
        <source>His hours</source>
        <translation>本人工时</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="157" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="158" />
        <source>Dispute</source>
        <translation>申诉</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="163" />
        <source>No work, deductions or refunds for this technician in the month.</source>
        <translation>该人员本月没有工时、扣款或报销记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="172" />
        <source>Double-click a number to change it. Long-trip days (远差) earn no living allowance. Import / Export fills a whole month from an Excel sheet.</source>
        <translation>双击数字即可修改。远差天数不发生活补贴。用“导入 / 导出”可从 Excel 表填入整月出勤。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="195" />
        <source>Record &amp;outcome…</source>
        <translation>处理结果(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="199" />
        <source>Line</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="201" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="202" />
        <source>Raised</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="203" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="204" />
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="215" />
        <source>Dispatches billed to a dealer: travel standard plus work hours.</source>
        <translation>向经销商收费的派工：差旅标准加工时费。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="219" />
        <source>&amp;Travel…</source>
        <translation>差旅(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="220" />
        <source>&amp;Print statement…</source>
        <translation>打印核算表(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="224" />
        <source>Completed on</source>
        <translation>完工日期</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="225" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="229" />
        <source>Bill total</source>
        <translation>合计金额</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="230" />
        <source>Travel</source>
        <translation>差旅</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="230" />
        <source>entered</source>
        <translation>已填</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="230" />
        <source>not yet</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="240" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="241" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="242" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/pay/tab_layout.py" line="243" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>PayWords</name>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="28" />
        <source>Field technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="29" />
        <source>Service supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="34" />
        <source>Work hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="35" />
        <source>Deduction</source>
        <translation>考核扣款</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="36" />
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="37" />
        <source>Travel refund</source>
        <translation>车票报销</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="38" />
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="44" />
        <source> (team leader)</source>
        <translation>（组长）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="48" />
        <source>Under appeal</source>
        <translation>申诉中</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="49" />
        <location filename="../../ui/pay/dialog_common.py" line="100" />
        <source>Appeal upheld</source>
        <translation>申诉成立</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="50" />
        <location filename="../../ui/pay/dialog_common.py" line="101" />
        <source>Appeal rejected</source>
        <translation>申诉驳回</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="56" />
        <source>Installation self-check report</source>
        <translation>安装自检报告</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="57" />
        <source>List of outsourced parts</source>
        <translation>外协配套件明细表</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="58" />
        <source>Dispatch slip</source>
        <translation>派工单</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="59" />
        <source>Inspection / repair record signed on site</source>
        <translation>现场签字的巡检/维修记录</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="65" />
        <source>Customer report within 30 days</source>
        <translation>30天内工地反映</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="66" />
        <source>Company inspection</source>
        <translation>公司巡检发现</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="75" />
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="76" />
        <source>Installation</source>
        <translation>安装</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="77" />
        <source>Inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="78" />
        <source>Technical service</source>
        <translation>技术服务</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="79" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="85" />
        <source>Paid in advance</source>
        <translation>直接预付</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="86" />
        <source>Deducted by finance</source>
        <translation>财务代扣</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="93" />
        <source>Deduction recorded</source>
        <translation>扣款已登记</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="94" />
        <source>Deduction voided</source>
        <translation>扣款已作废</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="95" />
        <source>Adjustment added</source>
        <translation>调整已添加</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="96" />
        <source>Adjustment deleted</source>
        <translation>调整已删除</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="97" />
        <source>Refund added</source>
        <translation>报销已添加</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="98" />
        <source>Refund deleted</source>
        <translation>报销已删除</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="99" />
        <source>Dispute raised</source>
        <translation>已提出申诉</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="102" />
        <source>PIN set</source>
        <translation>已设置 PIN</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="103" />
        <source>PIN changed</source>
        <translation>已修改 PIN</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="104" />
        <source>Wrong PIN</source>
        <translation>PIN 错误</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="105" />
        <source>Approved and locked</source>
        <translation>已审批锁定</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="106" />
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dialog_common.py" line="107" />
        <source>Dealer billing</source>
        <translation>经销商结算</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="249" />
        <source>Form:</source>
        <translation>表格：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="251" />
        <source>Layout:</source>
        <translation>版式：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="261" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="262" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="289" />
        <source>%1 page(s)</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="321" />
        <source>Sent to %1.</source>
        <translation>已发送到 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="330" />
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="331" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="342" />
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/pay/pin_dialog.py" line="25" />
        <source>Approve pay month</source>
        <translation>审批绩效工资</translation>
    </message>
    <message>
        <location filename="../../ui/pay/pin_dialog.py" line="25" />
        <source>Unlock pay month</source>
        <translation>解锁绩效工资</translation>
    </message>
    <message>
        <location filename="../../ui/pay/pin_dialog.py" line="29" />
        <source>Approving %1 locks it: its tickets, work lines, attendance and deductions can no longer change, and the figures are frozen as approved.</source>
        <translation>审批后 %1 将锁定：相关工单、工时、出勤和扣款不能再修改，数字按审批时冻结。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/pin_dialog.py" line="47" />
        <source>No manager PIN is set yet: set the manager PIN first (设置 ▸ 修改经理密码…).</source>
        <translation>尚未设置经理密码：请先设置经理密码（设置 ▸ 修改经理密码…）。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/pin_dialog.py" line="32" />
        <source>Unlocking %1 makes it a draft again; the reason is logged.</source>
        <translation>解锁后 %1 恢复为草稿；解锁原因将记入日志。</translation>
    </message>
    <message>
        <location filename="../../ui/pay/pin_dialog.py" line="34" />
        <source>Manager PIN</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <location filename="../../ui/pay/pin_dialog.py" line="40" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PinDialogs</name>
    <message>
        <location filename="../../ui/settings/pin_dialogs.py" line="88" />
        <source>Restoring a backup is a manager action: type the manager PIN (经理密码).</source>
        <translation>恢复备份需经理授权：请输入经理密码。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/manager_menu.py" line="16" />
        <source>Change &amp;manager PIN…</source>
        <translation>修改经理密码(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/manager_menu.py" line="20" />
        <source>&amp;Audit log…</source>
        <translation>操作日志(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>PlaceholderTab</name>
    <message>
        <location filename="../../ui/placeholder.py" line="16" />
        <source>This part of the program is coming in a later version.</source>
        <translation>此功能将在后续版本提供。</translation>
    </message>
</context>
<context>
    <name>PrintSettingsDialog</name>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="45" />
        <source>Print settings</source>
        <translation>打印设置</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="59" />
        <source>automatic (SimSun, SimHei, YaHei … or built-in)</source>
        <translation>自动（宋体、黑体、微软雅黑……或内置字体）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="61" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="65" />
        <location filename="../../ui/printing/settings_dialog.py" line="243" />
        <source>Chinese font file</source>
        <translation>中文字体文件</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="98" />
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="100" />
        <source>Continuous paper height</source>
        <translation>连续纸高度</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="102" />
        <source>Offset right (+) / left (−)</source>
        <translation>水平偏移（+ 向右 / − 向左）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="104" />
        <source>Offset down (+) / up (−)</source>
        <translation>垂直偏移（+ 向下 / − 向上）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="76" />
        <source>Copies per A4 page</source>
        <translation>每张 A4 打印联数</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="118" />
        <source>Print the calibration page, measure where the cross at 20 mm landed, and correct the offsets: new offset = offset + (20 − measured).</source>
        <translation>打印校准页，量出 20 mm 处十字的实际位置，再修正偏移：新偏移 = 当前偏移 + (20 − 实测值)。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="112" />
        <source>Calibration page…</source>
        <translation>校准页…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="78" />
        <source>Paper and position, per printer</source>
        <translation>纸张与打印位置（按打印机）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="84" />
        <source>Default for PDF / all printers</source>
        <translation>默认（PDF 及所有打印机）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="88" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="105" />
        <source>The offsets shift everything printed: positive x moves it right, positive y moves it down (millimetres).</source>
        <translation>偏移使全部打印内容整体移动：水平为正向右移，垂直为正向下移（单位：毫米）。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="110" />
        <source>Use the defaults for this printer</source>
        <translation>此打印机改用默认设置</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="197" />
        <source>Saved in the data file: used by Save as PDF, the command line and every printer without settings of its own.</source>
        <translation>保存在数据文件中：用于另存为 PDF、命令行，以及没有单独设置的所有打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="200" />
        <source>This printer has its own settings (kept on this computer).</source>
        <translation>此打印机有单独设置（保存在本机）。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="202" />
        <source>This printer uses the defaults; changing a value gives it its own settings.</source>
        <translation>此打印机使用默认设置；修改任一数值即为它单独保存。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="244" />
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="254" />
        <source>Automatic: %1</source>
        <translation>自动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="255" />
        <source>Automatic: no Chinese TrueType font found; the built-in font STSong-Light is used (the PDF viewer or printer supplies the glyphs).</source>
        <translation>自动：未找到中文 TrueType 字体，使用内置字体 STSong-Light（由 PDF 阅读器或打印机提供字形）。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="260" />
        <source>This font will be embedded in every form.</source>
        <translation>此字体将嵌入每张表格。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="261" />
        <source>This file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="262" />
        <source>Not a TrueType font (OpenType/CFF such as Noto CJK cannot be embedded); another font will be used.</source>
        <translation>不是 TrueType 字体（Noto CJK 等 OpenType/CFF 字体无法嵌入），将改用其他字体。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="264" />
        <source>The font file is damaged or does not allow embedding; another font will be used.</source>
        <translation>字体文件损坏或不允许嵌入，将改用其他字体。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="311" />
        <source>Print settings saved.</source>
        <translation>打印设置已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="330" />
        <source>Calibration page</source>
        <translation>校准页</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="332" />
        <source>Calibration page — %1</source>
        <translation>校准页 — %1</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="59" />
        <source>Repair record form (维修记录单)</source>
        <translation>售后服务维修记录单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="60" />
        <source>Outside-service record (外出服务记录表)</source>
        <translation>外出服务记录表</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="61" />
        <source>Service information sheet (信息收集表)</source>
        <translation>售后服务信息收集表</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="65" />
        <source>A4, three labelled copies</source>
        <translation>A4（三联分页，标注联次）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="66" />
        <source>Continuous paper 241 mm (dot-matrix)</source>
        <translation>241 mm 连续纸（针式打印机）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="182" />
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="365" />
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="461" />
        <source>Printing forms…</source>
        <translation>正在打印表格…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="462" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="463" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="484" />
        <source>Printing forms… %1 of %2</source>
        <translation>正在打印表格… 第 %1 / %2 张</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="495" />
        <source>Printed %1 of %2 tickets (%3 pages); cancelled.</source>
        <translation>已打印 %1 / %2 张工单（%3 页），已取消其余。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="497" />
        <source>Printed %1 of %2 tickets (%3 pages).</source>
        <translation>已打印 %1 / %2 张工单（%3 页）。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dialogs.py" line="515" />
        <source>Print %1 ticket(s)</source>
        <translation>打印 %1 张工单</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../ui/import_export.py" line="231" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="233" />
        <source>Copy the message and the list to the clipboard</source>
        <translation>把提示和问题清单复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>QuickCustomerDialog</name>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="31" />
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="36" />
        <source>Customer (unit or person)</source>
        <translation>用户姓名（单位、人）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="38" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="39" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="40" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="41" />
        <source>Equipment model</source>
        <translation>设备型号</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="41" />
        <source>e.g. QTZ80</source>
        <translation>如 QTZ80</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="42" />
        <source>Serial no</source>
        <translation>机号</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="43" />
        <source>Purchase date</source>
        <translation>购机日期</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="44" />
        <source>Acceptance date</source>
        <translation>安装验收日期</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/quick_customer.py" line="47" />
        <source>Equipment is optional here; without a purchase or acceptance date the job is out of warranty.</source>
        <translation>设备可以稍后补登；没有购机或验收日期时按保外处理。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="247" />
        <source>Why? (required, goes into the ticket's log)</source>
        <translation>原因（必填，记入工单日志）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="249" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="251" />
        <source>The number %1 stays used; parts on the ticket go back to stock.</source>
        <translation>工单号 %1 不再重复使用；工单上的配件退回库存。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="254" />
        <source>The ticket goes back to work: the arrival, result, completion and sign-off are cleared (kept in the log) and a new visit decides them; diagnosis, work and parts stay and can be corrected.</source>
        <translation>工单恢复处理：到场时间、维修结果、完工和客户签字将清空（保留在日志中），由下一次现场记录重新确定；诊断、工时和配件保留，可以修改。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="258" />
        <source>Cancel the ticket</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="258" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="263" />
        <source>Cancel ticket</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="264" />
        <source>Cancel ticket %1? This cannot be undone except by reopening it.</source>
        <translation>确定取消工单 %1？取消后只能通过重新打开恢复。</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../../ui/record_actions.py" line="28" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/record_actions.py" line="47" />
        <source>Reactivate %1</source>
        <translation>启用 %1</translation>
    </message>
    <message>
        <location filename="../../ui/record_actions.py" line="48" />
        <source>%1 is not in use (停用). Use it again in new work?</source>
        <translation>%1 已停用。要在新业务中重新使用吗？</translation>
    </message>
    <message>
        <location filename="../../ui/record_actions.py" line="50" />
        <source>Reactivate (启用)</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/record_actions.py" line="53" />
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../../ui/record_actions.py" line="54" />
        <source>Deactivate (停用)</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/record_actions.py" line="59" />
        <source>Delete %1? This cannot be undone. Deactivate instead keeps it for the records and only hides it from new work.</source>
        <translation>删除 %1？删除后无法恢复。改为“停用”则保留记录，只是不再用于新的工作。</translation>
    </message>
    <message>
        <location filename="../../ui/record_actions.py" line="62" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>RecordCallDialog</name>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="53" />
        <source>Record follow-up call</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="63" />
        <source>Equipment history</source>
        <translation>设备履历</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="67" />
        <source>Open ticket</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="79" />
        <source>Call time</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="84" />
        <source>Reached the customer</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="85" />
        <source>Not reached (no answer)</source>
        <translation>未接通（无人接听）</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="93" />
        <source>Reached</source>
        <translation>是否接通</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="107" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="110" />
        <source>How the equipment is being used</source>
        <translation>设备使用情况</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="111" />
        <source>Usage</source>
        <translation>使用情况</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="113" />
        <source>Product quality as the customer sees it</source>
        <translation>客户对产品质量的评价</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="114" />
        <source>Quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="116" />
        <source>Opinion of the dealer's service</source>
        <translation>对经销商服务的评价</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="118" />
        <source>Opinion of our service</source>
        <translation>对服务部服务的评价</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="122" />
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="130" />
        <source>Leave empty when there is no complaint; text here opens a complaint ticket</source>
        <translation>无投诉请留空；填写后自动生成投诉工单</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="137" />
        <source>Fault level of the complaint ticket</source>
        <translation>投诉工单的故障等级</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="139" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="141" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/followups/call_dialog.py" line="145" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>RecordInspectionDialog</name>
    <message>
        <location filename="../../ui/followups/inspection_dialog.py" line="31" />
        <source>Record on-site inspection</source>
        <translation>记录巡检</translation>
    </message>
    <message>
        <location filename="../../ui/followups/inspection_dialog.py" line="42" />
        <source>Inspected at</source>
        <translation>巡检时间</translation>
    </message>
    <message>
        <location filename="../../ui/followups/inspection_dialog.py" line="49" />
        <source>Inspector</source>
        <translation>巡检人</translation>
    </message>
    <message>
        <location filename="../../ui/followups/inspection_dialog.py" line="51" />
        <source>Inspection ticket number, if one was opened</source>
        <translation>巡检工单号（如有）</translation>
    </message>
    <message>
        <location filename="../../ui/followups/inspection_dialog.py" line="52" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/followups/inspection_dialog.py" line="56" />
        <source>Findings</source>
        <translation>巡检情况</translation>
    </message>
    <message>
        <location filename="../../ui/followups/inspection_dialog.py" line="58" />
        <source>The next inspection is planned a year after this one.</source>
        <translation>保存后自动安排一年后的下次巡检。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/inspection_dialog.py" line="62" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>ReimbursementDialog</name>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="62" />
        <source>Refund round-trip tickets</source>
        <translation>报销往返车票</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="65" />
        <source>Installation ticket</source>
        <translation>安装工单</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="65" />
        <source>ticket number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="66" />
        <source>Technician</source>
        <translation>服务人员</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="70" />
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="70" />
        <source>train / bus tickets</source>
        <translation>火车票/汽车票</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="71" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pay/lines_dialog.py" line="71" />
        <source>e.g. 杭州—金华 往返</source>
        <translation>例如 杭州—金华 往返</translation>
    </message>
</context>
<context>
    <name>ResolveDisputeDialog</name>
    <message>
        <location filename="../../ui/pay/dispute_dialog.py" line="44" />
        <source>Outcome of a dispute</source>
        <translation>申诉处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dispute_dialog.py" line="52" />
        <source>Upheld (he is right)</source>
        <translation>申诉成立</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dispute_dialog.py" line="54" />
        <source>Rejected</source>
        <translation>申诉驳回</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dispute_dialog.py" line="63" />
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dispute_dialog.py" line="66" />
        <source>What was decided</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location filename="../../ui/pay/dispute_dialog.py" line="68" />
        <source>Upholding waives this deduction for him.</source>
        <translation>申诉成立将免除其该项扣款。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/data/backups.py" line="67" />
        <location filename="../../ui/data/backups.py" line="121" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="72" />
        <source>Verified backups in %1:</source>
        <translation>%1 中经过校验的备份：</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="77" />
        <source>Backup time</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="77" />
        <source>No. of customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="77" />
        <source>No. of tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="78" />
        <source>No. of parts</source>
        <translation>配件数</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="78" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="97" />
        <source>There is no verified backup yet.</source>
        <translation>还没有经过校验的备份。</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="99" />
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/data/backups.py" line="113" />
        <source>Restore the backup of %1?

Everything entered or changed after %1 will be lost. The current data file is kept beside it (…replaced-….sqlite3), so it can still be looked at.</source>
        <translation>恢复 %1 的备份吗？

%1 之后录入或修改的所有内容都将丢失。当前的数据文件会保留在旁边（…replaced-….sqlite3），以后仍可查看。</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="169" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="177" />
        <source>Supervisor</source>
        <translation>审核主管</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="178" />
        <source>Review notes (optional)</source>
        <translation>审核意见（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="179" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="182" />
        <source>Review time</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="183" />
        <source>Result: %1 · completed %2 · team %3</source>
        <translation>维修结果：%1 · 完工 %2 · 人员 %3</translation>
    </message>
</context>
<context>
    <name>RollupDialog</name>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="97" />
        <source>Roll up the branches' monthly workbooks</source>
        <translation>汇总各分公司月报</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="101" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="104" />
        <source>The folder the branches' monthly workbooks are saved in</source>
        <translation>存放各分公司月报的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="106" />
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="109" />
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="115" />
        <source>Choose the folder with the branches' monthly workbooks (售后服务月报_….xlsx). Each file is checked against its checksum; the company figures are recomputed from the summed numerators and denominators.</source>
        <translation>请选择存放各分公司月报（售后服务月报_….xlsx）的文件夹。每个文件都按其校验值核对；公司指标由各分公司的分子、分母分别相加后重新计算。</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="127" />
        <location filename="../../ui/kpi/rollup_dialog.py" line="147" />
        <source>On-time rate</source>
        <translation>维修及时率</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="127" />
        <location filename="../../ui/kpi/rollup_dialog.py" line="148" />
        <source>Success rate</source>
        <translation>维修成功率</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="128" />
        <source>Customer satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="128" />
        <location filename="../../ui/kpi/rollup_dialog.py" line="151" />
        <source>Stock accuracy</source>
        <translation>配件库存准确率</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="129" />
        <source>Company grade</source>
        <translation>公司等级</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="141" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="143" />
        <source>Branch office</source>
        <translation>分公司</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="144" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="145" />
        <source>Repairs</source>
        <translation>维修数</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="149" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="153" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="154" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="155" />
        <source>Problem / use</source>
        <translation>问题 / 用途</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="168" />
        <source>Write company workbook…</source>
        <translation>生成公司汇总…</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="188" />
        <source>Earlier month: used for the trend only</source>
        <translation>以前月份：仅用于趋势</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="189" />
        <source>OK — checksum matches</source>
        <translation>正常 — 校验值相符</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="206" />
        <source>Folder of the branches' monthly workbooks</source>
        <translation>各分公司月报所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="222" />
        <source>Reading the workbooks…</source>
        <translation>正在读取月报…</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="285" />
        <source>%1: %2 branches rolled up; company grade %3.</source>
        <translation>%1：已汇总 %2 个分公司；公司等级 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="289" />
        <source>%1 months for the trend.</source>
        <translation>趋势含 %1 个月。</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="293" />
        <source>%1 file(s) refused: correct or remove them and read the folder again. Nothing can be written until every file is accepted.</source>
        <translation>有 %1 个文件未通过：请更正或移走后重新读取文件夹。所有文件都通过之前不能生成汇总。</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="297" />
        <source>No monthly workbooks in this folder.</source>
        <translation>此文件夹中没有月报。</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="318" />
        <source>Summed over the branches, not an average of percentages</source>
        <translation>各分公司相加后计算，不是百分比的平均</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="321" />
        <source>Mean of the rates: %1</source>
        <translation>各项平均：%1</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="332" />
        <source>Write the company workbook</source>
        <translation>生成公司汇总</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="333" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/rollup_dialog.py" line="359" />
        <location filename="../../ui/kpi/rollup_dialog.py" line="360" />
        <source>Company workbook written to %1</source>
        <translation>公司汇总已写入 %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="76" />
        <location filename="../../ui/settings/settings_dialog.py" line="77" />
        <location filename="../../ui/settings/settings_dialog.py" line="78" />
        <location filename="../../ui/settings/settings_dialog.py" line="79" />
        <location filename="../../ui/settings/settings_dialog.py" line="80" />
        <source>Office</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="76" />
        <source>Office name (printed on forms)</source>
        <translation>维修单位名称（打印在表单上）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="77" />
        <source>Department code (ticket number prefix)</source>
        <translation>部门代码（工单号前缀）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="78" />
        <source>Area code for local phone numbers (0571)</source>
        <translation>本地电话区号（如 0571）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="79" />
        <source>Warranty period (months)</source>
        <translation>保修期（月）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="80" />
        <source>Earliest year of equipment dates</source>
        <translation>设备日期最早年份</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="81" />
        <location filename="../../ui/settings/settings_dialog.py" line="92" />
        <location filename="../../ui/settings/settings_dialog.py" line="93" />
        <location filename="../../ui/settings/settings_dialog.py" line="94" />
        <source>Fault levels</source>
        <translation>故障等级</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="83" />
        <source>Level 1: respond within</source>
        <translation>一级：响应时限</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="84" />
        <source>Level 1: on site within</source>
        <translation>一级：到场时限</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="85" />
        <source>Level 2: respond within</source>
        <translation>二级：响应时限</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="86" />
        <source>Level 2: on site within</source>
        <translation>二级：到场时限</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="87" />
        <source>Level 3: respond within</source>
        <translation>三级：响应时限</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="88" />
        <source>Level 3: on site within</source>
        <translation>三级：到场时限</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="89" />
        <source>Level 4: respond within</source>
        <translation>四级：响应时限</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="90" />
        <source>Level 4: remote fix within</source>
        <translation>四级：远程解决时限</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="92" />
        <source>No level: on site within</source>
        <translation>未分级：到场时限</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="93" />
        <source>Mark as due soon (before the deadline)</source>
        <translation>临期提醒（截止前）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="94" />
        <source>Repeat fault window (days)</source>
        <translation>重复故障判定期（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="95" />
        <location filename="../../ui/settings/settings_dialog.py" line="96" />
        <location filename="../../ui/settings/settings_dialog.py" line="97" />
        <location filename="../../ui/settings/settings_dialog.py" line="98" />
        <location filename="../../ui/settings/settings_dialog.py" line="99" />
        <source>Paid service</source>
        <translation>有偿服务</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="95" />
        <source>Lodging per day (yuan)</source>
        <translation>住宿费（元/天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="96" />
        <source>Meals per day (yuan)</source>
        <translation>伙食费（元/天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="97" />
        <source>Labour per day (yuan)</source>
        <translation>人工费（元/天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="98" />
        <source>Tax (%)</source>
        <translation>税金（%）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="99" />
        <source>Management fee (%)</source>
        <translation>管理费（%）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="100" />
        <location filename="../../ui/settings/settings_dialog.py" line="101" />
        <location filename="../../ui/settings/settings_dialog.py" line="102" />
        <location filename="../../ui/settings/settings_dialog.py" line="103" />
        <location filename="../../ui/settings/settings_dialog.py" line="104" />
        <location filename="../../ui/settings/settings_dialog.py" line="105" />
        <source>Pay</source>
        <translation>薪酬</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="100" />
        <source>Performance pay per work hour (yuan)</source>
        <translation>绩效工资（元/工时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="101" />
        <source>Living allowance per day (yuan)</source>
        <translation>生活补助（元/天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="102" />
        <source>Supervisor base salary (yuan)</source>
        <translation>主管基本工资（元）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="103" />
        <source>Team split of work hours</source>
        <translation>团队工时分配方式</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="104" />
        <source>Deduction per missing document (yuan)</source>
        <translation>缺少单据扣款（元/份）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="105" />
        <source>Deduction per defect item (yuan)</source>
        <translation>质量缺陷扣款（元/项）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="106" />
        <location filename="../../ui/settings/settings_dialog.py" line="107" />
        <location filename="../../ui/settings/settings_dialog.py" line="108" />
        <location filename="../../ui/settings/settings_dialog.py" line="109" />
        <location filename="../../ui/settings/settings_dialog.py" line="110" />
        <location filename="../../ui/settings/settings_dialog.py" line="111" />
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="106" />
        <source>Satisfaction call within (hours after closing)</source>
        <translation>满意度回访时限（结案后小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="107" />
        <source>After a service: first call from (days)</source>
        <translation>服务后首次回访最早（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="108" />
        <source>After a service: first call by (days)</source>
        <translation>服务后首次回访最迟（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="109" />
        <source>After an installation: first call from (days)</source>
        <translation>安装后首次回访最早（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="110" />
        <source>After an installation: first call by (days)</source>
        <translation>安装后首次回访最迟（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="111" />
        <source>Inspection interval (days)</source>
        <translation>巡检间隔（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="112" />
        <location filename="../../ui/settings/settings_dialog.py" line="113" />
        <location filename="../../ui/settings/settings_dialog.py" line="114" />
        <source>KPI</source>
        <translation>考核</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="112" />
        <source>Grade 优秀 from (%)</source>
        <translation>优秀（% 起）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="113" />
        <source>Grade 良好 from (%)</source>
        <translation>良好（% 起）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="114" />
        <source>Grade 合格 from (%)</source>
        <translation>合格（% 起）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="128" />
        <source>Business settings</source>
        <translation>业务参数</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="197" />
        <source>Pay rates are protected by the manager PIN (经理密码) and take effect from a month: %1</source>
        <translation>工资费率受经理密码保护，并从指定月份起生效：%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="212" />
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
</context>
<context>
    <name>SheetExchange</name>
    <message>
        <location filename="../../ui/import_export.py" line="368" />
        <source>Choose the Excel file of %1 to import</source>
        <translation>选择要导入的%1 Excel 文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="369" />
        <location filename="../../ui/import_export.py" line="378" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="376" />
        <source>Save the Excel file</source>
        <translation>保存 Excel 文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="424" />
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="424" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="425" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="472" />
        <source>Import cancelled: nothing was imported.</source>
        <translation>已取消导入：没有导入任何记录。</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="474" />
        <source>Empty sheet written to %1</source>
        <translation>空白模板已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="476" />
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="480" />
        <source>Check found problems</source>
        <translation>检查发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="481" />
        <source>%1 has %2 problem(s). Nothing was written (check only): fix the rows listed below before importing the file.</source>
        <translation>%1 有 %2 处问题。未写入任何数据（仅检查）：请先改正下列各行再导入。</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="485" />
        <source>Nothing was imported</source>
        <translation>未导入任何数据</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="486" />
        <source>%1 has %2 problem(s). Nothing was imported: fix the rows listed below and import the file again.</source>
        <translation>%1 有 %2 处问题，没有导入任何记录。请改正下列各行后重新导入。</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="490" />
        <source>%1 has no problems: %2 rows can be imported (%3 new, %4 updated). Nothing was written: this was a check only.</source>
        <translation>%1 没有问题：可导入 %2 行（新增 %3，更新 %4）。这只是检查，未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="495" />
        <source>Check passed</source>
        <translation>检查通过</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="498" />
        <source>Imported %1 rows from %2: %3 new, %4 updated</source>
        <translation>已从 %2 导入 %1 行：新增 %3，更新 %4</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="502" />
        <source>; %1 complaint ticket(s) opened</source>
        <translation>；生成投诉工单 %1 张</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="513" />
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="514" />
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
</context>
<context>
    <name>Sheets</name>
    <message>
        <location filename="../../ui/import_export.py" line="66" />
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="67" />
        <source>equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="68" />
        <source>technicians</source>
        <translation>服务人员</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="69" />
        <source>tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="70" />
        <source>parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="71" />
        <source>counted quantities</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="72" />
        <source>attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="73" />
        <source>follow-up calls</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="524" />
        <source>Import %1 from Excel…</source>
        <translation>从 Excel 导入%1…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="526" />
        <source>Check a file of %1 (write nothing)…</source>
        <translation>检查%1文件（不写入）…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="530" />
        <source>Save an empty template for %1…</source>
        <translation>保存空白%1模板…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="529" />
        <source>Export %1 to Excel…</source>
        <translation>导出%1到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="549" />
        <source>Import / Export</source>
        <translation>导入 / 导出</translation>
    </message>
</context>
<context>
    <name>SignoffDialog</name>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="203" />
        <source>Customer sign-off</source>
        <translation>客户签字</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="209" />
        <source>Customer opinion</source>
        <translation>用户意见</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="210" />
        <source>Name of the person who signed</source>
        <translation>签字人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="213" />
        <source>Signed by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="217" />
        <source>Signed on</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="221" />
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="221" />
        <source>Yes, accepted</source>
        <translation>是，已接受</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="222" />
        <source>No, not accepted</source>
        <translation>否，未接受</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="223" />
        <source>Complaint answer accepted</source>
        <translation>客户是否接受处理结果</translation>
    </message>
</context>
<context>
    <name>StartCountDialog</name>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="31" />
        <source>Start a stock count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="35" />
        <source>Counted quantities are compared with the book stock as of the end of the count date.</source>
        <translation>实盘数量与盘点日期当日终了时的账面库存比较。</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="45" />
        <source>Count date</source>
        <translation>盘点日期</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="46" />
        <source>Location starts with</source>
        <translation>库位开头</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="47" />
        <source>empty = all parts; e.g. A or C-02</source>
        <translation>留空 = 全部配件；如 A 或 C-02</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="50" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/parts/count_dialog.py" line="52" />
        <source>Start count</source>
        <translation>开始盘点</translation>
    </message>
</context>
<context>
    <name>StepLine</name>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="66" />
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="67" />
        <location filename="../../ui/tickets/detail_pane.py" line="74" />
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="68" />
        <source>Remote fix</source>
        <translation>远程解决</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="68" />
        <source>Arrival</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="69" />
        <source>Completion</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="70" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="71" />
        <source>Close-out</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="124" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TechnicianEditDialog</name>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="51" />
        <source>Edit technician</source>
        <translation>修改服务人员</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="51" />
        <source>New technician</source>
        <translation>新增服务人员</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="56" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="58" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="60" />
        <source>mobile (11 digits) or landline</source>
        <translation>手机（11 位）或座机</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="66" />
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="68" />
        <source>Base salary (yuan)</source>
        <translation>基本工资（元）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="71" />
        <source>Works here (can be dispatched)</source>
        <translation>在职（可以派工）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="73" />
        <source>In service</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="86" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="96" />
        <source>blank: the supervisor base salary %1 from the settings</source>
        <translation>空白 = 设置中的主管基本工资 %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="99" />
        <source>e.g. 3200.00; blank: 0</source>
        <translation>如 3200.00；空白 = 0</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="138" />
        <source>A base salary is a pay rate: the manager PIN (经理密码) and the month it takes effect.</source>
        <translation>基本工资属于工资费率：需要经理密码，并指定生效月份。</translation>
    </message>
</context>
<context>
    <name>Technicians</name>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="34" />
        <source>Service technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="35" />
        <source>Service supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="39" />
        <source>In service</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="40" />
        <source>Left (inactive)</source>
        <translation>已离职（停用）</translation>
    </message>
</context>
<context>
    <name>TechniciansDialog</name>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="164" />
        <source>The people tickets are dispatched to and paid. Someone who leaves is deactivated, not deleted: their old tickets and pay stay as they were.</source>
        <translation>工单派给这里的人员，工资也按人员计算。人员离职时停用而不删除：其原有工单和工资保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="171" />
        <source>Add (Ctrl+N)</source>
        <translation>新增 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="174" />
        <source>Edit (Enter)</source>
        <translation>修改 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="176" />
        <location filename="../../ui/settings/technicians_dialog.py" line="252" />
        <source>Deactivate…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="186" />
        <source>Show people who left</source>
        <translation>显示已离职人员</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="161" />
        <source>Technician register</source>
        <translation>服务人员档案</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="179" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="181" />
        <source>Only someone no ticket, stock line or pay record names (e.g. a name typed by mistake); others are deactivated.</source>
        <translation>只能删除没有任何工单、库存记录或工资记录的人员（如输错的姓名）；其他人员请停用。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="198" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="199" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="200" />
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="201" />
        <source>Base salary (yuan)</source>
        <translation>基本工资（元）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="203" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="209" />
        <source>Nobody in the register yet. Add the office's technicians and supervisors with “Add”, or import them from Excel (Import / Export ▸ Save an empty template first).</source>
        <translation>档案中还没有人员。用“新增”添加本站的技术员和主管，或从 Excel 导入（导入 / 导出 ▸ 先保存空白模板）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="236" />
        <source>%1 active, %2 in the list</source>
        <translation>在职 %1 人，列表共 %2 人</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="251" />
        <source>Reactivate…</source>
        <translation>恢复在职…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="271" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="280" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="281" />
        <source>%1 has left the office? They can no longer be dispatched; their tickets and pay stay as they are. You can reactivate them later.</source>
        <translation>%1 已离职？停用后不能再派工；其工单和工资保持不变。以后可以恢复在职。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="285" />
        <source>Reactivate</source>
        <translation>恢复在职</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="286" />
        <source>%1 works here again and can be dispatched?</source>
        <translation>%1 重新在职，可以派工？</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="294" />
        <source>%1 reactivated</source>
        <translation>%1 已恢复在职</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="294" />
        <location filename="../../ui/settings/technicians_dialog.py" line="310" />
        <source>%1 deactivated</source>
        <translation>%1 已停用</translation>
    </message>
    <message>
        <location filename="../../ui/settings/technicians_dialog.py" line="310" />
        <source>%1 deleted</source>
        <translation>已删除 %1</translation>
    </message>
</context>
<context>
    <name>TicketDetailPane</name>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="176" />
        <source>Dispatch…</source>
        <translation>派工…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="177" />
        <source>Record visit…</source>
        <translation>现场记录…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="178" />
        <source>Review…</source>
        <translation>审核…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="179" />
        <source>Customer sign-off…</source>
        <translation>客户签字…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="180" />
        <source>Close ticket</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="181" />
        <source>Cancel ticket…</source>
        <translation>取消工单…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="182" />
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="197" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="202" />
        <source>Work done (work-hour catalog)</source>
        <translation>工作内容（工时标准）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="205" />
        <source>Work</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="207" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="209" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="213" />
        <source>Parts used</source>
        <translation>更换配件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="215" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="216" />
        <source>Part code</source>
        <translation>配件编码</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="217" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="218" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="219" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="220" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="223" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="230" />
        <source>Work and parts</source>
        <translation>工时与配件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="233" />
        <source>Quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="236" />
        <location filename="../../ui/tickets/detail_pane.py" line="407" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="237" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="238" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="239" />
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="240" />
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="242" />
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="247" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="250" />
        <source>Choose a ticket in the list to see its steps and log.</source>
        <translation>在左侧列表中选择工单，查看处理环节和日志。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="285" />
        <source>Repeat fault: %1</source>
        <translation>重复故障：%1</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="316" />
        <source>Respond by %1</source>
        <translation>%1 前响应</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="321" />
        <source>Remote fix by %1</source>
        <translation>%1 前远程解决</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="321" />
        <source>On site by %1</source>
        <translation>%1 前到场</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="325" />
        <source>met</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="325" />
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="356" />
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="357" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="358" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="358" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="359" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="359" />
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="360" />
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="361" />
        <source>Requested service time</source>
        <translation>要求服务时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="362" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="362" />
        <source>Channel</source>
        <translation>报修渠道</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="363" />
        <source>Fault level</source>
        <translation>故障等级</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="364" />
        <source>Fault</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="364" />
        <source>First judgement</source>
        <translation>初步判断</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="365" />
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="365" />
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="366" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="366" />
        <source>Dealer's diagnosis</source>
        <translation>经销商初步诊断</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="367" />
        <source>Install self-check</source>
        <translation>安装自检</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="369" />
        <source> (leader)</source>
        <translation>（负责人）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="371" />
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="372" />
        <source>Team</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="372" />
        <source>Dispatched at</source>
        <translation>派工时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="384" />
        <source>Completed at</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="390" />
        <source>Reviewed at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="395" />
        <source>Closed at</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="373" />
        <source>Transport</source>
        <translation>交通方式</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="175" />
        <source>Correct intake…</source>
        <translation>修改受理…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="373" />
        <source>Departure</source>
        <translation>出发时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="374" />
        <source>Expected return</source>
        <translation>预计返回</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="375" />
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="375" />
        <source>Parts to carry</source>
        <translation>携带备件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="380" />
        <source>Visit</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="381" />
        <source>Arrival</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="381" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="382" />
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="382" />
        <source>Measures</source>
        <translation>维修措施</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="383" />
        <source>Result</source>
        <translation>维修结果</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="383" />
        <source>Repair time</source>
        <translation>修理时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="388" />
        <location filename="../../ui/tickets/detail_pane.py" line="399" />
        <location filename="../../ui/tickets/detail_pane.py" line="401" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="388" />
        <location filename="../../ui/tickets/detail_pane.py" line="399" />
        <location filename="../../ui/tickets/detail_pane.py" line="401" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="389" />
        <source>Review and sign-off</source>
        <translation>审核与签字</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="390" />
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="391" />
        <source>Review notes</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="392" />
        <source>Customer opinion</source>
        <translation>用户意见</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="393" />
        <source>Signed by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="393" />
        <source>Signed</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="394" />
        <source>Complaint answer accepted</source>
        <translation>客户是否接受处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="399" />
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="401" />
        <source>Successful</source>
        <translation>维修成功</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="403" />
        <source>Repeat fault</source>
        <translation>重复故障</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="404" />
        <source>Outcome</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="407" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="408" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="418" />
        <source>Out of warranty: the customer pays this quote (cost plus tax, plus management fee).</source>
        <translation>保外：按此报价向客户收费（成本加税金，再加管理费）。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="420" />
        <source>In warranty: the customer pays nothing; the quote below is for reference.</source>
        <translation>在保：客户无需付费，以下报价仅供参考。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="424" />
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="424" />
        <source>Tax</source>
        <translation>税金</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="425" />
        <source>Management fee</source>
        <translation>管理费</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="425" />
        <source>Quote total (yuan)</source>
        <translation>报价合计（元）</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="20" />
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="21" />
        <source>Dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="22" />
        <source>Completed</source>
        <translation>已完工</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="23" />
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="24" />
        <location filename="../../ui/tickets/dialog_common.py" line="37" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="25" />
        <location filename="../../ui/tickets/dialog_common.py" line="38" />
        <location filename="../../ui/tickets/dialog_common.py" line="115" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="32" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="33" />
        <source>To dispatch</source>
        <translation>待派工</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="34" />
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="35" />
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="36" />
        <source>To call back</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="44" />
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="45" />
        <source>Installation</source>
        <translation>安装</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="46" />
        <source>Inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="47" />
        <source>Technical service</source>
        <translation>技术服务</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="48" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="54" />
        <source>Hotline</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="55" />
        <source>Regional manager</source>
        <translation>区域经理</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="56" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="57" />
        <source>Online</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="58" />
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="64" />
        <source>Level 1</source>
        <translation>一级</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="65" />
        <source>Level 2</source>
        <translation>二级</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="66" />
        <source>Level 3</source>
        <translation>三级</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="67" />
        <source>Level 4</source>
        <translation>四级</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="73" />
        <source>System down, service interrupted</source>
        <translation>系统瘫痪、服务中断</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="74" />
        <source>Main part or function lost or degraded</source>
        <translation>主要部件或功能失效、性能下降</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="75" />
        <source>Accessory damaged, may affect performance</source>
        <translation>附件损坏，可能影响性能</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="76" />
        <source>Not a system fault (operation or handling): solved remotely</source>
        <translation>非系统故障（操作或人为）：远程解决</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="81" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="81" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="85" />
        <source>In warranty</source>
        <translation>在保</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="85" />
        <source>Out of warranty</source>
        <translation>保外</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="91" />
        <source>Within deadline</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="92" />
        <source>Due soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="93" />
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="94" />
        <source>Arrived on time</source>
        <translation>按时到场</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="95" />
        <source>Late</source>
        <translation>超时到场</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="100" />
        <source>Warranty part (free)</source>
        <translation>三包件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="100" />
        <source>Bought by customer</source>
        <translation>客户购买件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="107" />
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="108" />
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="109" />
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="110" />
        <source>Reassigned</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="111" />
        <source>Visit recorded</source>
        <translation>现场记录</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="112" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="113" />
        <source>Customer sign-off</source>
        <translation>客户签字</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="114" />
        <source>Close-out</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="116" />
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="117" />
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="118" />
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="119" />
        <source>Reprinted</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="120" />
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="151" />
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="153" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="154" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="162" />
        <source>in %1</source>
        <translation>还剩 %1</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="163" />
        <source>overdue by %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="185" />
        <source>YYYY-MM-DD HH:MM</source>
        <translation>年-月-日 时:分</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/dialog_common.py" line="191" />
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="244" />
        <source>Cancel ticket</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/step_dialogs.py" line="244" />
        <source>Reopen ticket</source>
        <translation>重新打开工单</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="441" />
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="442" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="443" />
        <source>Team</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="444" />
        <location filename="../../ui/tickets/detail_pane.py" line="445" />
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="446" />
        <source>三包 exclusion</source>
        <translation>三包除外</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="447" />
        <source>Fault level</source>
        <translation>故障等级</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="448" />
        <source>Fault</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="449" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="450" />
        <source>Channel</source>
        <translation>报修渠道</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="451" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="452" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="453" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="454" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="455" />
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="456" />
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="457" />
        <source>Requested service time</source>
        <translation>要求服务时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="458" />
        <source>First judgement</source>
        <translation>初步判断</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="459" />
        <source>Dispatched at</source>
        <translation>派工时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="460" />
        <source>Transport</source>
        <translation>交通方式</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="461" />
        <source>Departure</source>
        <translation>出发时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="462" />
        <source>Expected return</source>
        <translation>预计返回</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="463" />
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="464" />
        <source>Parts to carry</source>
        <translation>携带备件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="465" />
        <source>Arrival</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="466" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="467" />
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="468" />
        <source>Measures</source>
        <translation>维修措施</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="469" />
        <source>Result</source>
        <translation>维修结果</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="470" />
        <source>Repair from</source>
        <translation>修理时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="471" />
        <source>Repair to</source>
        <translation>修理结束</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="472" />
        <source>Completed at</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="476" />
        <source>Reviewed at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="477" />
        <source>Review notes</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="478" />
        <source>Customer opinion</source>
        <translation>用户意见</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="480" />
        <source>Signed on</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="481" />
        <source>Complaint answer accepted</source>
        <translation>客户是否接受处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="482" />
        <source>Closed at</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="483" />
        <source>Cancelled at</source>
        <translation>取消时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="484" />
        <location filename="../../ui/tickets/detail_pane.py" line="485" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="486" />
        <source>Transport (fen)</source>
        <translation>交通费（分）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="487" />
        <source>Lodging days</source>
        <translation>住宿天数</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="488" />
        <source>Meal days</source>
        <translation>伙食天数</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="489" />
        <source>Labour days</source>
        <translation>人工天数</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="473" />
        <source>Work</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="474" />
        <source>Parts used</source>
        <translation>更换配件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="475" />
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/detail_pane.py" line="479" />
        <source>Signed by</source>
        <translation>签字人</translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <location filename="../../ui/tickets/tab.py" line="70" />
        <source>Number, customer, phone or serial no…</source>
        <translation>工单号、客户、电话或机号…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="81" />
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="86" />
        <source>Take a call: new ticket (Ctrl+N)</source>
        <translation>接听报修：新建工单 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="542" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="88" />
        <source>Print the selected tickets' repair record forms (Ctrl+P)</source>
        <translation>打印所选工单的维修记录单 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="84" />
        <source>New ticket (Ctrl+N)</source>
        <translation>新建工单 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="87" />
        <source>Print (Ctrl+P)</source>
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="89" />
        <location filename="../../ui/tickets/tab.py" line="555" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="90" />
        <source>Preview the current ticket's repair record form</source>
        <translation>预览当前工单的维修记录单</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="173" />
        <source>No.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="174" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="175" />
        <source>Timeliness</source>
        <translation>时效</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="177" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="178" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="179" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="181" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="182" />
        <source>Model / serial</source>
        <translation>型号 / 机号</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="184" />
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="186" />
        <source>On-site deadline</source>
        <translation>到场时限</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="188" />
        <source>Technicians</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="189" />
        <source>Channel</source>
        <translation>报修渠道</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="190" />
        <source>Completed at</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="192" />
        <source>Result</source>
        <translation>维修结果</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="193" />
        <source>Fault</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="208" />
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="209" />
        <source>No level</source>
        <translation>不分级</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="211" />
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="214" />
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="215" />
        <source>All technicians</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="218" />
        <source>All months</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="274" />
        <source>Showing %1 of %2 tickets</source>
        <translation>显示 %1 / 共 %2 张工单</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="278" />
        <source>No tickets yet. When a customer calls, press New ticket (Ctrl+N); old ledgers can be imported from Excel.</source>
        <translation>还没有工单。客户来电时按"新建工单"(Ctrl+N)；以前的台账可从 Excel 导入。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="281" />
        <source>No ticket matches these filters. Clear the search or choose another status tab.</source>
        <translation>没有符合条件的工单。清除搜索或换一个状态页签。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="392" />
        <source>No ticket numbered %1</source>
        <translation>没有工单号为 %1 的工单</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="480" />
        <location filename="../../ui/tickets/tab.py" line="490" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="491" />
        <source>Dispatched %1</source>
        <translation>已派工 %1</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="492" />
        <source>Visit recorded on %1</source>
        <translation>已记录 %1 的现场情况</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="493" />
        <source>Reviewed %1</source>
        <translation>已审核 %1</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="494" />
        <source>Customer sign-off recorded on %1</source>
        <translation>已记录 %1 的客户签字</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="502" />
        <source>Close ticket</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="503" />
        <source>Close ticket %1? After closing, changes need a reopen.</source>
        <translation>确定结案 %1？结案后如需修改须重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="495" />
        <source>Closed %1</source>
        <translation>已结案 %1</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="496" />
        <source>Cancelled %1 (the number stays used)</source>
        <translation>已取消 %1（工单号不再使用）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="497" />
        <source>Reopened %1</source>
        <translation>已重新打开 %1</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="537" />
        <source>Choose the tickets to print first.</source>
        <translation>请先选择要打印的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="543" />
        <location filename="../../ui/tickets/tab.py" line="556" />
        <source>Printing is not available in this version yet.</source>
        <translation>此版本暂不能打印。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/tab.py" line="550" />
        <source>Choose a ticket to preview first.</source>
        <translation>请先选择要预览的工单。</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../ui/kpi/widgets.py" line="112" />
        <source>On-time rate</source>
        <translation>维修及时率</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/widgets.py" line="112" />
        <source>Success rate</source>
        <translation>维修成功率</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/widgets.py" line="112" />
        <source>Customer satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <location filename="../../ui/kpi/widgets.py" line="113" />
        <source>Stock accuracy</source>
        <translation>配件库存准确率</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../ui/help/dialogs.py" line="34" />
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="31" />
        <source>Record visit</source>
        <translation>现场记录</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="35" />
        <source>Remote: arrival if any</source>
        <translation>远程处理：如有到场请填写</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="35" />
        <source>Arrival</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="37" />
        <source>What was found</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="38" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="39" />
        <source>Cause of the fault</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="40" />
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="41" />
        <source>What was done</source>
        <translation>采取的维修措施</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="42" />
        <source>Measures</source>
        <translation>维修措施</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="48" />
        <source>Still on site (no result yet)</source>
        <translation>处理中（尚无结果）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="52" />
        <source>Repair from</source>
        <translation>修理时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="55" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="58" />
        <source>Result</source>
        <translation>维修结果</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="62" />
        <source>blank: the repair end time</source>
        <translation>不填：按修理结束时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="63" />
        <source>Completed at</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="66" />
        <source>Work done (work-hour catalog)</source>
        <translation>工作内容（工时标准）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="83" />
        <source>Add work</source>
        <translation>添加工时</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="86" />
        <location filename="../../ui/tickets/visit_dialog.py" line="90" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="90" />
        <source>Work</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="92" />
        <source>Remove selected work</source>
        <translation>删除所选工时</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="102" />
        <source>Parts used</source>
        <translation>更换配件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="109" />
        <source>Part code (optional)</source>
        <translation>配件编码（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="110" />
        <location filename="../../ui/tickets/visit_dialog.py" line="126" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="111" />
        <location filename="../../ui/tickets/visit_dialog.py" line="127" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="114" />
        <source>Unit price (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="115" />
        <source>Add part</source>
        <translation>添加配件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="121" />
        <location filename="../../ui/tickets/visit_dialog.py" line="127" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="126" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="126" />
        <source>Part code</source>
        <translation>配件编码</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="127" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="128" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="130" />
        <source>Remove selected part</source>
        <translation>删除所选配件</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="141" />
        <source>Paid service quote inputs (out of warranty)</source>
        <translation>有偿服务报价（保外）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="143" />
        <source>Transport (yuan)</source>
        <translation>交通费（元）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="148" />
        <source>Transport cost</source>
        <translation>交通费</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="150" />
        <source>Lodging days</source>
        <translation>住宿天数</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="150" />
        <source>Meal days</source>
        <translation>伙食天数</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="151" />
        <source>Labour days</source>
        <translation>人工天数</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="196" />
        <source>Choose the work and a quantity above 0.</source>
        <translation>请选择工作内容，数量须大于 0。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="212" />
        <source>stock %1</source>
        <translation>库存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="223" />
        <source>Part code or name…</source>
        <translation>配件编码或名称…</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="224" />
        <source>Part code or name (list appears as you type)</source>
        <translation>配件编码或名称（输入即显示目录）</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="240" />
        <source>Part %1 is not in the parts list.</source>
        <translation>配件 %1 不在配件目录中。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="259" />
        <source>Give the part's name or code.</source>
        <translation>请填写配件名称或编码。</translation>
    </message>
    <message>
        <location filename="../../ui/tickets/visit_dialog.py" line="307" />
        <source>Cost %1, quote %2 yuan</source>
        <translation>成本 %1，报价 %2 元</translation>
    </message>
</context>
<context>
    <name>VoidDeductionDialog</name>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="136" />
        <source>Void a deduction</source>
        <translation>作废扣款</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="139" />
        <source>Void this deduction (it stays in the record, marked void):</source>
        <translation>作废此扣款（记录保留，标记为作废）：</translation>
    </message>
    <message>
        <location filename="../../ui/pay/deduction_dialog.py" line="143" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>_StepDialog</name>
    <message>
        <location filename="../../ui/tickets/step_base.py" line="51" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
</context>
</TS>