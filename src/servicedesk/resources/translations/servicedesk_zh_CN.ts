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