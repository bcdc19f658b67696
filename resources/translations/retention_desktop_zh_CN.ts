<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>%1

There is no backup to restore.</source>
        <translation>%1

没有可以恢复的备份。</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>%1

Restore the latest backup (%2)? The damaged file is kept beside it, nothing is deleted.</source>
        <translation>%1

要恢复最近的备份(%2)吗?损坏的文件会保留在旁边,不会删除任何内容。</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>已经打开</translation>
    </message>
    <message>
        <source>%1 is already open in another Retention Desktop window.</source>
        <translation>%1 已在另一个留人窗口中打开。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>%1: %2 voluntary</source>
        <translation>%1:主动离职 %2 人</translation>
    </message>
    <message>
        <source>%1: %2 involuntary</source>
        <translation>%1:被动离职 %2 人</translation>
    </message>
    <message>
        <source>%1: %2 with no type given</source>
        <translation>%1:未填写类型 %2 人</translation>
    </message>
    <message>
        <source>Separations</source>
        <translation>离职人数</translation>
    </message>
    <message>
        <source>Voluntary</source>
        <translation>主动离职</translation>
    </message>
    <message>
        <source>Involuntary</source>
        <translation>被动离职</translation>
    </message>
    <message>
        <source>Turnover rate (%)</source>
        <translation>流失率(%)</translation>
    </message>
    <message>
        <source>Turnover rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>%1: %2 separations, average headcount %3, turnover rate %4</source>
        <translation>%1:离职 %2 人,平均在职 %3 人,流失率 %4</translation>
    </message>
    <message>
        <source>%1: %2 employed at the start, %3 at the end (average %4)</source>
        <translation>%1:月初在职 %2 人,月末 %3 人(平均 %4)</translation>
    </message>
    <message>
        <source>Employed</source>
        <translation>在职人数</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1:%2 人(%3)</translation>
    </message>
    <message>
        <source>%1: %2 (%3 separations)</source>
        <translation>%1:%2(离职 %3 人)</translation>
    </message>
    <message>
        <source>%1 days: %2</source>
        <translation>%1 天:%2 人</translation>
    </message>
    <message>
        <source>Days employed</source>
        <translation>在职天数</translation>
    </message>
    <message>
        <source>Month %1: %2</source>
        <translation>%1 月:%2 人</translation>
    </message>
    <message>
        <source>Calendar month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>&amp;Copy figures</source>
        <translation>复制数据(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the figures as a table, to paste elsewhere</source>
        <translation>把数据复制成表格,粘贴到别处</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>无法计算统计数据:%1</translation>
    </message>
    <message>
        <source>%1 to %2 (%3 months), compared with %4 to %5</source>
        <translation>%1 至 %2(%3 个月),对比 %4 至 %5</translation>
    </message>
    <message>
        <source>Nobody was employed in this period. Choose another period or team, or add your team on the roster.</source>
        <translation>这段时间没有在职员工。请选择其他期间或部门,或在花名册中添加团队成员。</translation>
    </message>
    <message>
        <source>Separations per month and turnover rate</source>
        <translation>每月离职人数与流失率</translation>
    </message>
    <message>
        <source>Headcount at the end of each month</source>
        <translation>每月月末在职人数</translation>
    </message>
    <message>
        <source>Separations by reason</source>
        <translation>按原因统计离职</translation>
    </message>
    <message>
        <source>Turnover rate by team</source>
        <translation>各部门流失率</translation>
    </message>
    <message>
        <source>Tenure at exit</source>
        <translation>离职时司龄</translation>
    </message>
    <message>
        <source>Separations by calendar month, peak seasons shaded</source>
        <translation>按月份统计离职(阴影为高峰期)</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节后</translation>
    </message>
    <message>
        <source>Year-end bonus</source>
        <translation>年终奖后</translation>
    </message>
    <message>
        <source>618</source>
        <translation>618</translation>
    </message>
    <message>
        <source>Double 11</source>
        <translation>双11</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一期间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Headcount now</source>
        <translation>当前在职人数</translation>
    </message>
    <message>
        <source>Separations</source>
        <translation>离职人数</translation>
    </message>
    <message>
        <source>Turnover rate (period)</source>
        <translation>流失率(期间)</translation>
    </message>
    <message>
        <source>Turnover rate (annualized)</source>
        <translation>流失率(年化)</translation>
    </message>
    <message>
        <source>Turnover rate = leavers / (leavers + headcount at the end)</source>
        <translation>流失率 = 离职人数 /(离职人数 + 期末人数)</translation>
    </message>
    <message>
        <source>Voluntary turnover rate</source>
        <translation>主动流失率</translation>
    </message>
    <message>
        <source>Early attrition (left within 90 days)</source>
        <translation>早期流失(入职 90 天内离职)</translation>
    </message>
    <message>
        <source>New hires still here after 30 days</source>
        <translation>新人 30 天留存率</translation>
    </message>
    <message>
        <source>New hires still here after 60 days</source>
        <translation>新人 60 天留存率</translation>
    </message>
    <message>
        <source>New hires still here after 90 days</source>
        <translation>新人 90 天留存率</translation>
    </message>
    <message>
        <source>Retention rate</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>Turnover cost</source>
        <translation>流失成本</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>无可比数据</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>%1 vs previous period</source>
        <translation>较上一期间 %1</translation>
    </message>
</context>
<context>
    <name>EmployeeDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>New employee</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <source>e.g. 售前客服</source>
        <translation>例如:售前客服</translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation>姓名(&amp;N) *</translation>
    </message>
    <message>
        <source>Employee &amp;no.</source>
        <translation>工号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Hire date *</source>
        <translation>入职日期(&amp;H) *</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>部门(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>岗位(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履历</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>任职经历</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>入职</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后工作日</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>离职</translation>
    </message>
    <message>
        <source>still employed</source>
        <translation>在职中</translation>
    </message>
    <message>
        <source>Retention actions</source>
        <translation>留人措施</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No retention actions for this person yet.</source>
        <translation>还没有为此人安排留人措施。</translation>
    </message>
    <message>
        <source>voluntary</source>
        <translation>主动离职</translation>
    </message>
    <message>
        <source>involuntary</source>
        <translation>被动离职</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未填写原因</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>新增 %1</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <source>Exit of %1</source>
        <translation>%1 的离职</translation>
    </message>
    <message>
        <source>Record exit: %1</source>
        <translation>登记离职:%1</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>离职</translation>
    </message>
    <message>
        <source>Exit conversation</source>
        <translation>离职面谈</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>工作交接</translation>
    </message>
    <message>
        <source>%1 · hired %2</source>
        <translation>%1 · %2 入职</translation>
    </message>
    <message>
        <source>&amp;Last working day *</source>
        <translation>最后工作日(&amp;L) *</translation>
    </message>
    <message>
        <source>Notice given on</source>
        <translation>提出离职日期</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>离职申请</translation>
    </message>
    <message>
        <source>&amp;Voluntary (they chose to leave)</source>
        <translation>主动离职(员工提出)(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Involuntary (the shop ended it)</source>
        <translation>被动离职(公司决定)(&amp;I)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>— not given —</source>
        <translation>— 未填写 —</translation>
    </message>
    <message>
        <source>&amp;Primary reason</source>
        <translation>主要原因(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Further reasons</source>
        <translation>其他原因(&amp;F)</translation>
    </message>
    <message>
        <source>Regrettable loss (we wanted to keep them)</source>
        <translation>惋惜流失(我们本想留住此人)</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Eligible for &amp;rehire</source>
        <translation>可再次录用(&amp;R)</translation>
    </message>
    <message>
        <source>Ask what made them leave and what would have kept them. Double-click a question to add it to the notes.</source>
        <translation>问问是什么让他决定离开、什么本可以留住他。双击问题即可加入记录。</translation>
    </message>
    <message>
        <source>What they said, in their words.</source>
        <translation>记录对方的原话。</translation>
    </message>
    <message>
        <source>&amp;Add question to notes</source>
        <translation>把问题加入记录(&amp;A)</translation>
    </message>
    <message>
        <source>Before the last day: open customer complaints handed over, access revoked, equipment back, pay settled, knowledge passed on.</source>
        <translation>最后工作日之前:交接未结的客户投诉,收回账号权限,归还设备,结清工资,把工作资料交给同事。</translation>
    </message>
    <message>
        <source>to whom / remarks</source>
        <translation>交给谁 / 备注</translation>
    </message>
    <message>
        <source>remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Handover complete.</source>
        <translation>交接已完成。</translation>
    </message>
    <message>
        <source>Handover unfinished: %1 of %2 done.</source>
        <translation>交接未完成:已完成 %1 / %2 项。</translation>
    </message>
    <message>
        <source>Edit exit of %1</source>
        <translation>编辑 %1 的离职记录</translation>
    </message>
</context>
<context>
    <name>ExitsBehindDialog</name>
    <message>
        <source>%1 exits. Double-click one to open it.</source>
        <translation>共 %1 条离职记录。双击打开。</translation>
    </message>
</context>
<context>
    <name>ExitsModel</name>
    <message>
        <source>Last day</source>
        <translation>最后工作日</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Primary reason</source>
        <translation>主要原因</translation>
    </message>
    <message>
        <source>Further reasons</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>工作交接</translation>
    </message>
    <message>
        <source>Regrettable</source>
        <translation>惋惜流失</translation>
    </message>
    <message>
        <source>Rehire?</source>
        <translation>可再录用</translation>
    </message>
    <message>
        <source>voluntary</source>
        <translation>主动离职</translation>
    </message>
    <message>
        <source>involuntary</source>
        <translation>被动离职</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>no checklist</source>
        <translation>无清单</translation>
    </message>
    <message>
        <source>%1 unfinished</source>
        <translation>%1 未完成</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ExitsPage</name>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Voluntary</source>
        <translation>主动离职</translation>
    </message>
    <message>
        <source>Involuntary</source>
        <translation>被动离职</translation>
    </message>
    <message>
        <source>Type not given</source>
        <translation>未填写类型</translation>
    </message>
    <message>
        <source>Handover unfinished</source>
        <translation>交接未完成</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>%1 exits, %2 with unfinished handover</source>
        <translation>共 %1 条离职记录,其中 %2 条交接未完成</translation>
    </message>
    <message>
        <source>No exits recorded. When someone leaves, use Record exit on the roster.</source>
        <translation>还没有离职记录。有人离职时,请在花名册上使用“登记离职”。</translation>
    </message>
    <message>
        <source>No exits match these filters.</source>
        <translation>没有符合筛选条件的离职记录。</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Retention Desktop — %1</source>
        <translation>留人 — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Retention actions (check-ins, training, pay reviews…) and risk flags will be planned and tracked here.</source>
        <translation>留人措施(谈心、培训、薪资评估…)和流失风险标记将在这里计划和跟踪。</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>离职</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>留人措施</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>&amp;New employee…</source>
        <translation>新增员工(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Record &amp;exit…</source>
        <translation>登记离职(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;hire…</source>
        <translation>再次录用(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Undo this exit (employed again)</source>
        <translation>撤销此离职(恢复在职)(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete employee…</source>
        <translation>删除员工(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Exit &amp;reasons…</source>
        <translation>离职原因列表(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Employee</source>
        <translation>员工(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>花名册(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xits</source>
        <translation>离职(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>留人措施(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>统计(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Retention Desktop</source>
        <translation>关于留人(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>%1 employees, %2 active, %3 shown</source>
        <translation>共 %1 名员工,%2 名在职,显示 %3 名</translation>
    </message>
    <message>
        <source>Undo exit</source>
        <translation>撤销离职</translation>
    </message>
    <message>
        <source>Take back the exit of %1 on %2? They will be shown as employed again and this exit record (reasons, conversation, handover) is removed. You can undo this with Ctrl+Z.</source>
        <translation>撤销 %1 在 %2 的离职吗?此人将恢复为在职,这条离职记录(原因、面谈、交接)会被删除。可以用 Ctrl+Z 撤销本操作。</translation>
    </message>
    <message>
        <source>Undo exit of %1</source>
        <translation>撤销 %1 的离职</translation>
    </message>
    <message>
        <source>Delete employee</source>
        <translation>删除员工</translation>
    </message>
    <message>
        <source>Delete %1 with all their employment, exit records and actions? Turnover figures will no longer count them. You can undo this with Ctrl+Z.</source>
        <translation>删除 %1 及其全部任职经历、离职记录和留人措施吗?流失统计将不再计入此人。可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>备份已保存到 %1</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>The backup could not be written: %1</source>
        <translation>无法写入备份:%1</translation>
    </message>
    <message>
        <source>About Retention Desktop</source>
        <translation>关于留人</translation>
    </message>
    <message>
        <source>Retention Desktop %1

Staff retention for small shops: the roster, every exit and its reasons, and what keeps people. Your data stays in one file on this computer:
%2</source>
        <translation>留人 %1

小店的员工留存工具:花名册、每一次离职及原因,以及留住员工的行动。你的数据只保存在这台电脑上的一个文件里:
%2</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>Enter the hire date.</source>
        <translation>请填写入职日期。</translation>
    </message>
    <message>
        <source>The hire date is more than a year ahead; check the year.</source>
        <translation>入职日期在一年以后,请检查年份。</translation>
    </message>
    <message>
        <source>The hire date is after this person&apos;s last working day (%1).</source>
        <translation>入职日期晚于此人的最后工作日(%1)。</translation>
    </message>
    <message>
        <source>The hire date must be after the end of the previous employment (%1).</source>
        <translation>入职日期必须晚于上一段任职的结束日期(%1)。</translation>
    </message>
    <message>
        <source>This person is still employed.</source>
        <translation>此人仍在职。</translation>
    </message>
    <message>
        <source>This number is already used by %1.</source>
        <translation>该工号已被 %1 使用。</translation>
    </message>
    <message>
        <source>The last working day is before the hire date (%1).</source>
        <translation>最后工作日早于入职日期(%1)。</translation>
    </message>
    <message>
        <source>The last working day must be before the rehire on %1.</source>
        <translation>最后工作日必须早于再次入职日期 %1。</translation>
    </message>
    <message>
        <source>This employment has already ended.</source>
        <translation>这段任职已经结束。</translation>
    </message>
    <message>
        <source>The notice date is after the last working day.</source>
        <translation>提出离职日期晚于最后工作日。</translation>
    </message>
    <message>
        <source>The primary reason is also ticked as a further reason.</source>
        <translation>主要原因又被勾选为其他原因。</translation>
    </message>
    <message>
        <source>This person was rehired on %1 after this exit: undo or delete the rehire first.</source>
        <translation>此人在这次离职后于 %1 再次入职:请先撤销或删除再次录用。</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Months…</source>
        <translation>按月份…</translation>
    </message>
</context>
<context>
    <name>ReasonsDialog</name>
    <message>
        <source>Exit reasons</source>
        <translation>离职原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Category…</source>
        <translation>类别(&amp;C)…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Built-in reasons and reasons already used on an exit cannot be deleted; retire them instead. A retired reason is no longer offered but stays on the exits that have it.</source>
        <translation>内置原因和已被离职记录使用的原因不能删除,只能停用。停用的原因不再出现在选项中,但会保留在已使用它的离职记录上。</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>own</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>%1, retired</source>
        <translation>%1,已停用</translation>
    </message>
    <message>
        <source>%1, used %2×</source>
        <translation>%1,已使用 %2 次</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因:</translation>
    </message>
    <message>
        <source>“%1” is already in the list.</source>
        <translation>“%1”已在列表中。</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别:</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>新增原因</translation>
    </message>
    <message>
        <source>Rename reason</source>
        <translation>重命名原因</translation>
    </message>
</context>
<context>
    <name>RehireDialog</name>
    <message>
        <source>Rehire %1</source>
        <translation>再次录用 %1</translation>
    </message>
    <message>
        <source>Left on %1. The earlier employment is kept.</source>
        <translation>已于 %1 离职。之前的任职经历会保留。</translation>
    </message>
    <message>
        <source>&amp;Hire date *</source>
        <translation>入职日期(&amp;H) *</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>部门(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>岗位(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Rehire</source>
        <translation>再次录用(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Tenure</source>
        <translation>司龄</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>%1 y %2 m</source>
        <translation>%1 年 %2 个月</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Left %1</source>
        <translation>%1 离职</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Search name, number or phone (Ctrl+F)</source>
        <translation>搜索姓名、工号或电话(Ctrl+F)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离职</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>部门(&amp;T)</translation>
    </message>
    <message>
        <source>The roster could not be read: %1</source>
        <translation>无法读取花名册:%1</translation>
    </message>
    <message>
        <source>Loading the roster…</source>
        <translation>正在读取花名册…</translation>
    </message>
    <message>
        <source>No employees yet. Add your team with New employee (Ctrl+N), or run “retention-desktop demo” to look around with a demo shop.</source>
        <translation>还没有员工。用“新增员工”(Ctrl+N)添加团队成员,或运行“retention-desktop demo”用演示店铺先看看。</translation>
    </message>
    <message>
        <source>Nobody matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的员工。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Shown on exported workbooks</source>
        <translation>显示在导出的工作簿上</translation>
    </message>
    <message>
        <source>Shop &amp;name</source>
        <translation>店铺名称(&amp;N)</translation>
    </message>
    <message>
        <source>Turnover cost</source>
        <translation>流失成本</translation>
    </message>
    <message>
        <source>C&amp;urrency sign</source>
        <translation>货币符号(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Recruiting cost per hire</source>
        <translation>每招一人的招聘成本(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Training cost per hire</source>
        <translation>每招一人的培训成本(&amp;T)</translation>
    </message>
    <message>
        <source>Each separation costs a new hire: turnover cost = separations × (recruiting + training cost per hire).</source>
        <translation>每走一人就要再招一人:流失成本 = 离职人数 ×(每人招聘成本 + 每人培训成本)。</translation>
    </message>
    <message>
        <source>Turnover rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>Also show turnover rate = leavers / (leavers + headcount at the end)</source>
        <translation>同时显示 流失率 = 离职人数 /(离职人数 + 期末在职人数)</translation>
    </message>
    <message>
        <source>Some shops count turnover this way. The dashboard then shows it beside the standard rate (separations / average headcount), labelled with its formula.</source>
        <translation>有些店铺这样计算流失率。勾选后,看板会在标准流失率(离职人数 / 平均在职人数)旁边显示它,并标明公式。</translation>
    </message>
    <message>
        <source>Peak seasons</source>
        <translation>高峰期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Shaded on the dashboard&apos;s calendar-month chart. A season may run over the new year (from 12-20 to 01-10).</source>
        <translation>在看板的按月份统计图上以阴影标出。高峰期可以跨年(例如从 12-20 到 01-10)。</translation>
    </message>
    <message>
        <source>Give a currency sign, such as ¥.</source>
        <translation>请填写货币符号,例如 ¥。</translation>
    </message>
</context>
<context>
    <name>TeamCombo</name>
    <message>
        <source>All teams</source>
        <translation>全部部门</translation>
    </message>
</context>
</TS>
