<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="56" />
        <source>Cannot open the data file</source>
        <translation>无法打开数据文件</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../ui/common.py" line="23" />
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="46" />
        <source>ServiceDesk — After-sales service office</source>
        <translation>ServiceDesk — 售后服务管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66" />
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67" />
        <source>Tickets</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68" />
        <source>Parts</source>
        <translation>配件台账</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69" />
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>Technician pay</source>
        <translation>绩效工资</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>Monthly KPI</source>
        <translation>月报</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77" />
        <source>&amp;Back up data file…</source>
        <translation>备份数据文件(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81" />
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98" />
        <source>&amp;Business settings…</source>
        <translation>业务参数(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>&amp;About ServiceDesk</source>
        <translation>关于 ServiceDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136" />
        <source>Choose a folder for the backup</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145" />
        <source>Backup written to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>About ServiceDesk</source>
        <translation>关于 ServiceDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154" />
        <source>ServiceDesk %1
Offline program for an after-sales service office.</source>
        <translation>ServiceDesk %1
售后服务部门离线管理程序。</translation>
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
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="39" />
        <location filename="../../ui/settings_dialog.py" line="40" />
        <location filename="../../ui/settings_dialog.py" line="41" />
        <source>Office</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="39" />
        <source>Office name (printed on forms)</source>
        <translation>维修单位名称（打印在表单上）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40" />
        <source>Department code (ticket number prefix)</source>
        <translation>部门代码（工单号前缀）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="41" />
        <source>Warranty period (months)</source>
        <translation>保修期（月）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42" />
        <location filename="../../ui/settings_dialog.py" line="53" />
        <location filename="../../ui/settings_dialog.py" line="54" />
        <location filename="../../ui/settings_dialog.py" line="55" />
        <source>Fault levels</source>
        <translation>故障等级</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44" />
        <source>Level 1: respond within (hours)</source>
        <translation>一级：响应时限（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45" />
        <source>Level 1: on site within (hours)</source>
        <translation>一级：到场时限（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="46" />
        <source>Level 2: respond within (hours)</source>
        <translation>二级：响应时限（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="47" />
        <source>Level 2: on site within (hours)</source>
        <translation>二级：到场时限（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="48" />
        <source>Level 3: respond within (hours)</source>
        <translation>三级：响应时限（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="49" />
        <source>Level 3: on site within (hours)</source>
        <translation>三级：到场时限（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="50" />
        <source>Level 4: respond within (hours)</source>
        <translation>四级：响应时限（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="51" />
        <source>Level 4: remote fix within (hours)</source>
        <translation>四级：远程解决时限（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53" />
        <source>No level: on site within (hours)</source>
        <translation>未分级：到场时限（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54" />
        <source>Mark as due soon (hours before deadline)</source>
        <translation>临期提醒（截止前小时数）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="55" />
        <source>Repeat fault window (days)</source>
        <translation>重复故障判定期（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56" />
        <location filename="../../ui/settings_dialog.py" line="57" />
        <location filename="../../ui/settings_dialog.py" line="58" />
        <location filename="../../ui/settings_dialog.py" line="59" />
        <location filename="../../ui/settings_dialog.py" line="60" />
        <source>Paid service</source>
        <translation>有偿服务</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56" />
        <source>Lodging per day (yuan)</source>
        <translation>住宿费（元/天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="57" />
        <source>Meals per day (yuan)</source>
        <translation>伙食费（元/天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="58" />
        <source>Labour per day (yuan)</source>
        <translation>人工费（元/天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="59" />
        <source>Tax (%)</source>
        <translation>税金（%）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="60" />
        <source>Management fee (%)</source>
        <translation>管理费（%）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61" />
        <location filename="../../ui/settings_dialog.py" line="62" />
        <location filename="../../ui/settings_dialog.py" line="63" />
        <location filename="../../ui/settings_dialog.py" line="64" />
        <location filename="../../ui/settings_dialog.py" line="65" />
        <location filename="../../ui/settings_dialog.py" line="66" />
        <source>Pay</source>
        <translation>薪酬</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61" />
        <source>Performance pay per work hour (yuan)</source>
        <translation>绩效工资（元/工时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="62" />
        <source>Living allowance per day (yuan)</source>
        <translation>生活补助（元/天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="63" />
        <source>Supervisor base salary (yuan)</source>
        <translation>主管基本工资（元）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="64" />
        <source>Team split of work hours</source>
        <translation>团队工时分配方式</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65" />
        <source>Deduction per missing document (yuan)</source>
        <translation>缺少单据扣款（元/份）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="66" />
        <source>Deduction per defect item (yuan)</source>
        <translation>质量缺陷扣款（元/项）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67" />
        <location filename="../../ui/settings_dialog.py" line="68" />
        <location filename="../../ui/settings_dialog.py" line="69" />
        <location filename="../../ui/settings_dialog.py" line="70" />
        <location filename="../../ui/settings_dialog.py" line="71" />
        <location filename="../../ui/settings_dialog.py" line="72" />
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67" />
        <source>Satisfaction call within (hours after closing)</source>
        <translation>满意度回访时限（结案后小时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="68" />
        <source>After a service: first call from (days)</source>
        <translation>服务后首次回访最早（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="69" />
        <source>After a service: first call by (days)</source>
        <translation>服务后首次回访最迟（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70" />
        <source>After an installation: first call from (days)</source>
        <translation>安装后首次回访最早（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71" />
        <source>After an installation: first call by (days)</source>
        <translation>安装后首次回访最迟（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72" />
        <source>Inspection interval (days)</source>
        <translation>巡检间隔（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73" />
        <location filename="../../ui/settings_dialog.py" line="74" />
        <location filename="../../ui/settings_dialog.py" line="75" />
        <source>KPI</source>
        <translation>考核</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73" />
        <source>Grade 优秀 from (%)</source>
        <translation>优秀（% 起）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74" />
        <source>Grade 良好 from (%)</source>
        <translation>良好（% 起）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75" />
        <source>Grade 合格 from (%)</source>
        <translation>合格（% 起）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="87" />
        <source>Business settings</source>
        <translation>业务参数</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="157" />
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
</context>
</TS>