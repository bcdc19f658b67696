<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Edit action</source>
        <translation>编辑措施</translation>
    </message>
    <message>
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>等另外 %1 人</translation>
    </message>
    <message>
        <source>Plan an action for %1 employees</source>
        <translation>为 %1 名员工计划措施</translation>
    </message>
    <message>
        <source>Plan an action for %1</source>
        <translation>为 %1 计划措施</translation>
    </message>
    <message>
        <source>Plan an action for a team</source>
        <translation>为部门计划措施</translation>
    </message>
    <message>
        <source>&amp;Team *</source>
        <translation>部门(&amp;T) *</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>e.g. talk about the night shifts</source>
        <translation>例如：谈谈夜班安排</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>who does it, e.g. the team lead</source>
        <translation>负责人，例如组长</translation>
    </message>
    <message>
        <source>&amp;Kind of action *</source>
        <translation>措施类型(&amp;K) *</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>标题(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Planned for *</source>
        <translation>计划日期(&amp;P) *</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Cost</source>
        <translation>费用(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>The whole team %1</source>
        <translation>整个部门 %1</translation>
    </message>
</context>
<context>
    <name>ActionsFeature</name>
    <message>
        <source>&amp;Plan action…</source>
        <translation>计划措施(&amp;P)…</translation>
    </message>
    <message>
        <source>Flag &amp;at risk…</source>
        <translation>标记流失风险(&amp;A)…</translation>
    </message>
    <message>
        <source>C&amp;lear risk flag…</source>
        <translation>解除风险标记(&amp;L)…</translation>
    </message>
    <message>
        <source>Plan action for a &amp;team…</source>
        <translation>为部门计划措施(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Edit action…</source>
        <translation>编辑措施(&amp;E)…</translation>
    </message>
    <message>
        <source>Mark &amp;done…</source>
        <translation>标记完成(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Cancel action…</source>
        <translation>取消措施(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reopen action</source>
        <translation>重新打开措施(&amp;R)</translation>
    </message>
    <message>
        <source>De&amp;lete action…</source>
        <translation>删除措施(&amp;L)…</translation>
    </message>
    <message>
        <source>Does it &amp;help?…</source>
        <translation>有用吗(&amp;H)？…</translation>
    </message>
    <message>
        <source>Plan %1</source>
        <translation>计划%1</translation>
    </message>
    <message>
        <source>Plan %1 for %2</source>
        <translation>为 %2 计划%1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Cancel action</source>
        <translation>取消措施</translation>
    </message>
    <message>
        <source>Cancel %1? Why (optional):</source>
        <translation>取消“%1”？原因（可不填）：</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>取消 %1</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>重新打开 %1</translation>
    </message>
    <message>
        <source>Delete action</source>
        <translation>删除措施</translation>
    </message>
    <message>
        <source>Delete %1 (%2)? Undo (Ctrl+Z) brings it back.</source>
        <translation>删除 %1（%2）？撤销（Ctrl+Z）可恢复。</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Flag at risk</source>
        <translation>标记流失风险</translation>
    </message>
    <message>
        <source>Clear risk flag</source>
        <translation>解除风险标记</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>column: the date an action is planned for</comment>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>部门</translation>
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
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>status: not done yet</comment>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>(whole team)</source>
        <translation>（整个部门）</translation>
    </message>
</context>
<context>
    <name>ActionsPage</name>
    <message>
        <source>Open (planned)</source>
        <translation>待办（已计划）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <source>Planned in…</source>
        <translation>计划于…</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>Tea&amp;m</source>
        <translation>部门(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>The actions could not be read: %1</source>
        <translation>无法读取留人措施：%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln action(s)</source>
        <translation>
            <numerusform>共 %Ln 项措施</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln 项逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>No actions match these filters. Plan one for the people selected on the roster (Employee &gt; Plan action…) or for a whole team (Actions &gt; Plan action for a team…).</source>
        <translation>没有符合筛选条件的措施。可以在花名册中选中员工后计划（员工 &gt; 计划措施…），或为整个部门计划（措施 &gt; 为部门计划措施…）。</translation>
    </message>
</context>
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

要恢复最近的备份（%2）吗？损坏的文件会保留在旁边，不会删除任何内容。</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>%1 处没有数据库。</translation>
    </message>
    <message>
        <source>%1 is not a Retention Desktop database (it is no database file); it was not changed.</source>
        <translation>%1 不是留人的数据库（它不是数据库文件），没有做任何改动。</translation>
    </message>
    <message>
        <source>%1 is a database of another program, not of Retention Desktop; it was not changed.</source>
        <translation>%1 是其他程序的数据库，不是留人的，没有做任何改动。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Retention Desktop: update the app to open it. The file was not changed.</source>
        <translation>%1 是由更新版本的留人写入的：请先升级本程序再打开。文件没有改动。</translation>
    </message>
    <message>
        <source>%1 is read-only and holds no Retention Desktop data yet; it was not changed.</source>
        <translation>%1 是只读的，还没有任何留人的数据，没有做任何改动。</translation>
    </message>
    <message>
        <source>%1 was saved by an earlier version and must be updated before it can be opened, but it is read-only: make it writable, or copy it to a folder you can write to. It was not changed.</source>
        <translation>%1 由旧版本保存，需要先升级才能打开，但它是只读的：请让它可写，或复制到可写的文件夹。文件没有改动。</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be read; it was not changed.</source>
        <translation>%1 已损坏，无法读取，没有做任何改动。</translation>
    </message>
    <message>
        <source>%2 is using %1. Close it, then start Retention Desktop again.</source>
        <translation>%2 正在使用 %1。请关闭该程序，然后重新启动留人。</translation>
    </message>
    <message>
        <source>Another program is using %1. Close it, then start Retention Desktop again.</source>
        <translation>另一个程序正在使用 %1。请关闭该程序，然后重新启动留人。</translation>
    </message>
    <message>
        <source>The disk that holds %1 is full. Free some space, then start Retention Desktop again.</source>
        <translation>%1 所在的磁盘已满。请腾出一些空间，然后重新启动留人。</translation>
    </message>
    <message>
        <source>The disk could not read %1. Check the drive, then start Retention Desktop again.</source>
        <translation>磁盘无法读取 %1。请检查磁盘，然后重新启动留人。</translation>
    </message>
    <message>
        <source>You are not allowed to open %1. Ask for access to it or choose another file.</source>
        <translation>您没有打开 %1 的权限。请申请访问权限，或选择其他文件。</translation>
    </message>
    <message>
        <source>The folder of %1 is not there (a drive taken out?). Connect it, then start Retention Desktop again.</source>
        <translation>%1 所在的文件夹不存在（是否拔出了移动硬盘？）。请接上后重新启动留人。</translation>
    </message>
    <message>
        <source>The path %1 is too long for this system. Choose a shorter one.</source>
        <translation>路径 %1 对本系统来说太长。请选择较短的路径。</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be opened.</source>
        <translation>%1 已损坏，无法打开。</translation>
    </message>
    <message>
        <source>%1 cannot be opened.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>已经打开</translation>
    </message>
    <message>
        <source>%1 is already open in another Retention Desktop window.</source>
        <translation>%1 已在另一个留人窗口中打开。</translation>
    </message>
    <message>
        <source>The backup folder %1 is not there (a drive taken out?): today&apos;s backup was written beside the file, to %2.</source>
        <translation>备份文件夹 %1 不在（U 盘被拔出了？）：今天的备份已写到数据库文件旁边：%2。</translation>
    </message>
    <message>
        <source>%1 holds a shop&apos;s records, not the demo; it was not changed.</source>
        <translation>%1 里是店铺的真实记录，不是示例，没有做任何改动。</translation>
    </message>
    <message>
        <source>Demo shop</source>
        <translation>示例店铺</translation>
    </message>
    <message>
        <source>The demo shop could not be made: %1</source>
        <translation>无法生成示例店铺：%1</translation>
    </message>
    <message>
        <source>Making the demo shop…</source>
        <translation>正在生成示例店铺…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Retention Desktop could not be started again: close it and start it yourself to use the new language.</source>
        <translation>留人无法自动重新启动：请关闭后自己再打开，就会使用新的语言。</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>%1 was not restored: %2</source>
        <translation>没有恢复 %1：%2</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>正在恢复 %1…</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the backups folder may not be written</source>
        <translation>备份文件夹不可写入</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be taken (%1). Your data is safe; free space or check the folder %2, then use File &gt; Back up now.</source>
        <translation>今天的备份没有完成（%1）。您的数据是安全的；请腾出空间或检查文件夹 %2，然后使用“文件 &gt; 立即备份”。</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>离职</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Where backups are kept</source>
        <translation>备份保存位置</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>更改(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Beside the file</source>
        <translation>放回文件旁(&amp;B)</translation>
    </message>
    <message>
        <source>Fol&amp;der</source>
        <translation>文件夹(&amp;D)</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>&amp;Keep the newest</source>
        <translation>保留最新的(&amp;K)</translation>
    </message>
    <message>
        <source>A backup is taken each day the app is opened and before every import, undo of an import, restore and update. In a folder you choose (a USB drive, a synced folder) this file&apos;s backups go into a subfolder of their own; while that folder is not there, they go beside the file.</source>
        <translation>每天第一次打开程序时，以及每次导入、撤销导入、恢复和升级之前，都会自动备份。放在你选的文件夹（U 盘、同步盘）时，本文件的备份会放进其中单独的子文件夹；该文件夹不在时，备份暂时放在数据库文件旁边。</translation>
    </message>
    <message>
        <source>Beside the file: %1</source>
        <translation>数据库文件旁：%1</translation>
    </message>
    <message>
        <source>The folder %1 is not there now (a drive taken out?): backups go beside the file, to %2, until it is back.</source>
        <translation>文件夹 %1 现在不在（U 盘被拔出了？）：在它回来之前，备份放在数据库文件旁边：%2。</translation>
    </message>
    <message>
        <source>Beside the file</source>
        <translation>数据库文件旁</translation>
    </message>
    <message>
        <source>%1 backups, newest first. Restoring one first backs up the file as it is now, so you can go back.</source>
        <translation>共有 %1 份备份，最新的在前。恢复某一份之前，会先把当前文件备份一次，随时可以恢复回来。</translation>
    </message>
    <message>
        <source>No backups yet. One is taken each day the app is opened, and before every import.</source>
        <translation>还没有备份。每天第一次打开程序时、每次导入前都会自动备份。</translation>
    </message>
    <message>
        <source>The backups could not be read: %1</source>
        <translation>无法读取备份：%1</translation>
    </message>
</context>
<context>
    <name>BackupsFeature</name>
    <message>
        <source>Bac&amp;kups…</source>
        <translation>备份(&amp;K)…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Put the backup of %1 (%2) in place of %3? The file as it is now is backed up first: restoring that backup takes you back. The window closes and opens the file again.</source>
        <translation>用 %1 的备份（%2）替换 %3？当前文件会先备份一次，恢复那份备份即可回到现在。窗口会关闭并重新打开文件。</translation>
    </message>
</context>
<context>
    <name>CatalogFeature</name>
    <message>
        <source>Exit &amp;reasons…</source>
        <translation>离职原因列表(&amp;R)…</translation>
    </message>
    <message>
        <source>Where people &amp;went…</source>
        <translation>离职去向(&amp;W)…</translation>
    </message>
    <message>
        <source>Action li&amp;brary…</source>
        <translation>措施库(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <source>Copy figures</source>
        <translation>复制数据</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>%1: %2 voluntary</source>
        <translation>%1：主动离职 %2 人</translation>
    </message>
    <message>
        <source>%1: %2 involuntary</source>
        <translation>%1：被动离职 %2 人</translation>
    </message>
    <message>
        <source>%1: %2 with no type given</source>
        <translation>%1：未填写类型 %2 人</translation>
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
        <translation>流失率（%）</translation>
    </message>
    <message>
        <source>Turnover rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>%1: %2 separations, average headcount %3, turnover rate %4</source>
        <translation>%1：离职 %2 人，平均在职 %3 人，流失率 %4</translation>
    </message>
    <message>
        <source>%1: %2 employed at the start, %3 at the end (average %4)</source>
        <translation>%1：月初在职 %2 人，月末 %3 人（平均 %4）</translation>
    </message>
    <message>
        <source>Employed</source>
        <translation>在职人数</translation>
    </message>
    <message>
        <source>%1: %2 hired</source>
        <translation>%1：入职 %2 人</translation>
    </message>
    <message>
        <source>%1: %2 left</source>
        <translation>%1：离职 %2 人</translation>
    </message>
    <message>
        <source>Hires</source>
        <translation>入职人数</translation>
    </message>
    <message>
        <source>Net change</source>
        <translation>净变化</translation>
    </message>
    <message>
        <source>%1: net change %2</source>
        <translation>%1：净变化 %2</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Still employed (%)</source>
        <translation>仍在职（%）</translation>
    </message>
    <message>
        <source>Days since the hire date</source>
        <translation>入职后的天数</translation>
    </message>
    <message>
        <source>Nobody was hired in this period.</source>
        <translation>本期间没有入职的人。</translation>
    </message>
    <message>
        <source>half had left by day %1</source>
        <translation>第 %1 天时已走了一半</translation>
    </message>
    <message>
        <source>more than half still here</source>
        <translation>一半以上仍在职</translation>
    </message>
    <message>
        <source>%1 hires, %2 exits: %3</source>
        <translation>入职 %1 人，离职 %2 人：%3</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2 人（%3）</translation>
    </message>
    <message>
        <source>%1: %2 (%3 separations)</source>
        <translation>%1：%2（离职 %3 人）</translation>
    </message>
    <message>
        <source>%1 days: %2</source>
        <translation>%1 天：%2 人</translation>
    </message>
    <message>
        <source>Days employed</source>
        <translation>在职天数</translation>
    </message>
    <message>
        <source>Month %1: %2</source>
        <translation>%1 月：%2 人</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1（%2 年）：%3</translation>
    </message>
    <message>
        <source>Calendar month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>ClearRiskDialog</name>
    <message>
        <source>Clear the risk flag of %1</source>
        <translation>解除 %1 的风险标记</translation>
    </message>
    <message>
        <source>Flagged %1 on %2</source>
        <translation>%2 标记为%1风险</translation>
    </message>
    <message>
        <source>Why the risk has passed</source>
        <translation>风险为何已解除</translation>
    </message>
    <message>
        <source>Cleared &amp;on *</source>
        <translation>解除日期(&amp;O) *</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>C&amp;lear flag</source>
        <translation>解除标记(&amp;L)</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Mark the action done</source>
        <translation>标记措施已完成</translation>
    </message>
    <message>
        <source>What came of it: what was said, agreed, changed</source>
        <translation>结果：谈了什么、约定了什么、改变了什么</translation>
    </message>
    <message>
        <source>Done o&amp;n *</source>
        <translation>完成日期(&amp;N) *</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>标记完成(&amp;D)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>The previous period&apos;s hires</source>
        <translation>上一期间的新人</translation>
    </message>
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
        <translation>把数据复制成表格，粘贴到别处</translation>
    </message>
    <message>
        <source>Preparing charts…</source>
        <translation>正在准备图表…</translation>
    </message>
    <message>
        <source>The hires of %1</source>
        <translation>%1 的新人</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>无法计算统计数据：%1</translation>
    </message>
    <message>
        <source>%1 to %2 (%3), compared with %4 to %5</source>
        <translation>%1 至 %2（%3），对比 %4 至 %5</translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody was employed in this period. Choose another period or team, or add your team on the roster.</source>
        <translation>这段时间没有在职员工。请选择其他期间或部门，或在花名册中添加团队成员。</translation>
    </message>
    <message>
        <source>Notices given in the period</source>
        <translation>本期提出的离职</translation>
    </message>
    <message>
        <source>A notice counts in the period its notice date falls in. Kept: withdrawn, the person stayed. Lost: the last working day has passed. Still on notice: the last working day is today or ahead.</source>
        <translation>离职申请按提出日期计入所在期间。挽留成功：申请已撤回，员工留下。流失：最后工作日已过。待离职：最后工作日是今天或之后。</translation>
    </message>
    <message>
        <source>Nobody gave notice in this period (exits recorded with a notice date).</source>
        <translation>本期没有人提出离职（指登记了提出日期的离职）。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln notice(s) given: %1 kept, %2 lost, %3 still on notice.</source>
        <translation>
            <numerusform>提出离职 %Ln 人：挽留成功 %1 人，流失 %2 人，待离职 %3 人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You tried to keep %Ln of them; %1 stayed.</source>
        <translation>
            <numerusform>其中挽留了 %Ln 人，%1 人留下。</numerusform>
        </translation>
    </message>
    <message>
        <source>Retention actions planned in the period</source>
        <translation>本期计划的留人措施</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 planned, %2 done, %3 cancelled.
Cost of the actions done in the period: %4</source>
        <translation>已计划 %1 项，已完成 %2 项，已取消 %3 项。
本期已完成措施的费用：%4</translation>
    </message>
    <message>
        <source>No retention actions were planned in this period.</source>
        <translation>本期没有计划留人措施。</translation>
    </message>
    <message>
        <source>Hires and separations per month, and the net change</source>
        <translation>每月入职与离职人数及净变化</translation>
    </message>
    <message>
        <source>How long the period&apos;s hires stay (dashed: those compared with, chosen below)</source>
        <translation>本期新人能留多久（虚线：下方所选的对比对象）</translation>
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
        <translation>按月份统计离职（阴影为高峰期）</translation>
    </message>
    <message>
        <source>Where the leavers went</source>
        <translation>离职去向</translation>
    </message>
    <message>
        <source>Compare &amp;with</source>
        <translation>对比(&amp;W)</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
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
        <source>Of the people hired in the period who reached their %1th day by the period&apos;s end (or today), the share still employed on that day.</source>
        <translation>期间内入职、到期末（或今天）已满 %1 天的人中，到那一天仍在职的比例。</translation>
    </message>
    <message>
        <source>People employed today: hired on or before today, and not yet past their last working day.</source>
        <translation>今天在职的人数：入职日期不晚于今天，且还没过最后工作日。</translation>
    </message>
    <message>
        <source>Employments whose last working day falls in the period.</source>
        <translation>最后工作日落在本期间内的在职记录数。</translation>
    </message>
    <message>
        <source>Separations ÷ average headcount. The average headcount is the mean, over the months, of (headcount at the start + headcount at the end) ÷ 2.</source>
        <translation>离职人数 ÷ 平均在职人数。平均在职人数是各月（月初人数 + 月末人数）÷ 2 的平均值。</translation>
    </message>
    <message>
        <source>The period&apos;s turnover rate × 12 ÷ the number of months: what a year at this pace would give.</source>
        <translation>本期流失率 × 12 ÷ 月数：照这个速度一年下来的流失率。</translation>
    </message>
    <message>
        <source>Separations ÷ (separations + headcount at the end), as many Chinese HR texts count it; shown beside the standard rate.</source>
        <translation>离职人数 ÷（离职人数 + 期末人数），很多中文人事资料这样算；与标准流失率并列显示。</translation>
    </message>
    <message>
        <source>Voluntary separations (the person chose to leave) ÷ average headcount.</source>
        <translation>主动离职人数（本人要走）÷ 平均在职人数。</translation>
    </message>
    <message>
        <source>Separations after 90 days or fewer ÷ all separations of the period.</source>
        <translation>在职不超过 90 天就离职的人数 ÷ 本期全部离职人数。</translation>
    </message>
    <message>
        <source>Exits before the probation ended (its length set in File &gt; Settings) ÷ the people hired in the period. Exits of people hired before the period count too.</source>
        <translation>试用期结束前离职的人数（试用期长度在“文件 &gt; 设置”中设定）÷ 本期入职人数。本期之前入职、在本期试用期内离职的人也计入。</translation>
    </message>
    <message>
        <source>Of the people employed at the start of the period, the share still employed at its end.</source>
        <translation>期初在职的人中，到期末仍在职的比例。</translation>
    </message>
    <message>
        <source>Separations × (recruiting cost + training cost per hire), both set in File &gt; Settings.</source>
        <translation>离职人数 ×（每招一人的招聘成本 + 培训成本），两项都在“文件 &gt; 设置”中填写。</translation>
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
        <translation>流失率（期间）</translation>
    </message>
    <message>
        <source>Turnover rate (annualized)</source>
        <translation>流失率（年化）</translation>
    </message>
    <message>
        <source>Turnover rate = leavers / (leavers + headcount at the end)</source>
        <translation>流失率 = 离职人数 /（离职人数 + 期末人数）</translation>
    </message>
    <message>
        <source>Voluntary turnover rate</source>
        <translation>主动流失率</translation>
    </message>
    <message>
        <source>Early attrition (left within 90 days)</source>
        <translation>早期流失（入职 90 天内离职）</translation>
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
        <source>Probation attrition rate = probation exits ÷ hires of the same period</source>
        <translation>试用期离职率 = 试用期内离职人数 ÷ 同期入职人数</translation>
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
    <name>Dialogs</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>EffectDialog</name>
    <message>
        <source>Does it help?</source>
        <translation>有用吗？</translation>
    </message>
    <message>
        <source>For each kind of action: of the people who received it (counted from the day it was first done for them), the share still employed %1 and %2 days later; beside it, the same share among the people employed on those days who never received it. The two groups differ in more than the action (who was chosen for it, and why), so a difference is a question to look into, not proof that the action works or does not.</source>
        <translation>对每一类措施：在接受过它的人中（从第一次为其完成的那天算起），%1 天和 %2 天后仍在职的比例；旁边是那些日子在职、但从未接受过它的人中的同一比例。两组人的差别不只在这项措施（谁被选中、为什么被选中），所以两者的差距是值得追问的线索，不能证明措施有效或无效。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Only actions marked done for one person count (team actions are left out). Grey: fewer than %1 people, too few to read much into.</source>
        <translation>只统计为个人标记完成的措施（部门措施不计）。灰色：不足 %1 人，人数太少，不宜过度解读。</translation>
    </message>
    <message>
        <source>&amp;Copy table</source>
        <translation>复制表格(&amp;C)</translation>
    </message>
    <message>
        <source>As of %1.</source>
        <translation>截至 %1。</translation>
    </message>
    <message>
        <source>Nothing to compare yet: no action has been marked done for someone who was employed that day. Mark actions done (Actions &gt; Mark done…) as they happen and the figures appear here.</source>
        <translation>暂无可比较的数据：还没有为当天在职的员工标记完成过任何措施。措施执行后及时标记完成（措施 &gt; 标记完成…），这里就会显示数据。</translation>
    </message>
    <message>
        <source>The figures could not be counted: %1</source>
        <translation>无法统计：%1</translation>
    </message>
</context>
<context>
    <name>EffectModel</name>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接受人数</translation>
    </message>
    <message>
        <source>After %1 days:
received it
(still / people)</source>
        <translation>%1 天后：接受过的人
（仍在职/人数）</translation>
    </message>
    <message>
        <source>After %1 days:
did not
(still / person-days)</source>
        <translation>%1 天后：未接受的人
（仍在职/人·天）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln 人</numerusform>
        </translation>
    </message>
    <message>
        <source>– (none yet)</source>
        <translation>–（暂无）</translation>
    </message>
    <message>
        <source>– (nobody to compare)</source>
        <translation>–（无可比的人）</translation>
    </message>
    <message>
        <source>%1 (%2/%3)</source>
        <translation>%1（%2/%3）</translation>
    </message>
    <message>
        <source>Offered on notice:
kept
(stayed / offered)</source>
        <translation>挽留提出离职者：
留下
（留下 / 挽留）</translation>
    </message>
    <message>
        <source>Notices where you tried to keep the person with this kind of action, once decided: kept (the notice was withdrawn) or lost (they left).</source>
        <translation>用这类措施挽留提出离职的人、且已有结果的次数：留下（撤回了离职）或流失（已离开）。</translation>
    </message>
    <message>
        <source>Everybody employed on those days received this kind of action at some time: there is nobody to compare with.</source>
        <translation>那些日子在职的人都在某个时候接受过这类措施，没有可以比较的人。</translation>
    </message>
    <message>
        <source>Nobody received it long enough ago to count yet (%1 days).</source>
        <translation>还没有人在足够久以前（%1 天）接受它，暂时无法统计。</translation>
    </message>
    <message>
        <source>Fewer than %1 people: a share of so few can swing widely by chance.</source>
        <translation>不足 %1 人：人数这么少，比例可能因偶然大幅波动。</translation>
    </message>
    <message>
        <source>Each person who never received this kind of action counts once for every day someone received it while they were employed.</source>
        <translation>从未接受过这类措施的人，在有人接受它的每一天里，只要在职就计一次（人·天）。</translation>
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
        <translation>例如：售前客服</translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation>姓名(&amp;N) *</translation>
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
        <source>E&amp;mployee no.</source>
        <translation>工号(&amp;M)</translation>
    </message>
    <message>
        <source>Phon&amp;e</source>
        <translation>电话(&amp;E)</translation>
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
        <source>Timeline</source>
        <translation>时间线</translation>
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
        <source>Double-click an exit to open it.</source>
        <translation>双击离职记录可打开它。</translation>
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
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>timeline column</comment>
        <translation>内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
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
        <source>Left</source>
        <translation>离职</translation>
    </message>
    <message>
        <source>Action planned</source>
        <translation>计划措施</translation>
    </message>
    <message>
        <source>Action done</source>
        <translation>完成措施</translation>
    </message>
    <message>
        <source>Action cancelled</source>
        <translation>取消措施</translation>
    </message>
    <message>
        <source>Flagged at risk</source>
        <translation>标记流失风险</translation>
    </message>
    <message>
        <source>Risk flag cleared</source>
        <translation>解除风险标记</translation>
    </message>
    <message>
        <source>Notice given</source>
        <translation>提出离职</translation>
    </message>
    <message>
        <source>Notice withdrawn: stayed</source>
        <translation>撤回离职：留下</translation>
    </message>
    <message>
        <source>last day %1</source>
        <translation>最后工作日 %1</translation>
    </message>
    <message>
        <source>offered: %1</source>
        <translation>挽留措施：%1</translation>
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
        <translation>登记离职：%1</translation>
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
        <translation>主动离职（员工提出）(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Involuntary (the shop ended it)</source>
        <translation>被动离职（公司决定）(&amp;I)</translation>
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
        <source>Keep them</source>
        <translation>挽留</translation>
    </message>
    <message>
        <source>Wa&amp;y of leaving</source>
        <translation>离职方式(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Primary reason</source>
        <translation>主要原因(&amp;P)</translation>
    </message>
    <message>
        <source>Where they &amp;went</source>
        <translation>离职去向(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Further reasons</source>
        <translation>其他原因(&amp;F)</translation>
    </message>
    <message>
        <source>Regrettable loss (we wanted to keep them)</source>
        <translation>惋惜流失（我们本想留住此人）</translation>
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
        <translation>最后工作日之前：交接未结的客户投诉，收回账号权限，归还设备，结清工资，把工作资料交给同事。</translation>
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
        <source>With&amp;draw notice</source>
        <translation>撤回离职(&amp;D)</translation>
    </message>
    <message>
        <source>Handover complete.</source>
        <translation>交接已完成。</translation>
    </message>
    <message>
        <source>Handover unfinished: %1 of %2 done.</source>
        <translation>交接未完成：已完成 %1 / %2 项。</translation>
    </message>
</context>
<context>
    <name>ExitsBehindDialog</name>
    <message numerus="yes">
        <source>%Ln exit(s). Double-click one to open it.</source>
        <translation>
            <numerusform>共 %Ln 条离职记录。双击打开。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExitsFeature</name>
    <message>
        <source>Record &amp;exit…</source>
        <translation>登记离职(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Undo this exit (employed again)</source>
        <translation>撤销此离职（恢复在职）(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Withdraw notice (they stay)…</source>
        <translation>撤回离职（留下）(&amp;W)…</translation>
    </message>
    <message>
        <source>Notice of %1 withdrawn</source>
        <translation>%1 撤回离职</translation>
    </message>
    <message>
        <source>Exit of %1</source>
        <translation>%1 的离职</translation>
    </message>
    <message>
        <source>Edit exit of %1</source>
        <translation>编辑 %1 的离职记录</translation>
    </message>
    <message>
        <source>Undo exit</source>
        <translation>撤销离职</translation>
    </message>
    <message>
        <source>Take back the exit of %1 on %2? They will be shown as employed again and this exit record (reasons, conversation, handover) is removed. You can undo this with Ctrl+Z.</source>
        <translation>撤销 %1 在 %2 的离职吗？此人将恢复为在职，这条离职记录（原因、面谈、交接）会被删除。可以用 Ctrl+Z 撤销本操作。</translation>
    </message>
    <message>
        <source>Undo exit of %1</source>
        <translation>撤销 %1 的离职</translation>
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
        <source>Way of leaving</source>
        <translation>离职方式</translation>
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
        <source>Went to</source>
        <translation>去向</translation>
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
        <source>All ways of leaving</source>
        <translation>全部离职方式</translation>
    </message>
    <message>
        <source>Way not given</source>
        <translation>未填离职方式</translation>
    </message>
    <message>
        <source>All destinations</source>
        <translation>全部去向</translation>
    </message>
    <message>
        <source>Search name or number</source>
        <translation>搜索姓名或工号</translation>
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
        <source>Destination not given</source>
        <translation>未填去向</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>The exits could not be read: %1</source>
        <translation>无法读取离职记录：%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln exit(s)</source>
        <translation>
            <numerusform>共 %Ln 条离职记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with unfinished handover</source>
        <translation>
            <numerusform>其中 %Ln 条交接未完成</numerusform>
        </translation>
    </message>
    <message>
        <source>No exits recorded. When someone leaves, use Record exit on the roster.</source>
        <translation>还没有离职记录。有人离职时，请在花名册上使用“登记离职”。</translation>
    </message>
    <message>
        <source>No exit of someone called or numbered “%1” here.</source>
        <translation>这里没有姓名或工号为“%1”的离职记录。</translation>
    </message>
    <message>
        <source>No exits match these filters.</source>
        <translation>没有符合筛选条件的离职记录。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>One workbook: the key figures, figures per month, by reason, by team and by tenure with charts, and every employment, exit and retention action.</source>
        <translation>一个工作簿：关键指标，按月、按原因、按部门和按司龄的数据及图表，以及每段在职记录、每条离职记录和每项留人措施。</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>部门(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Turnover %1 to %2</source>
        <translation>人员流失 %1 至 %2</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>The export was cancelled: no file was written.</source>
        <translation>导出已取消：没有写入任何文件。</translation>
    </message>
    <message>
        <source>The workbook could not be written: %1</source>
        <translation>无法写入工作簿：%1</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>New &amp;file…</source>
        <translation>新建文件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent fi&amp;les</source>
        <translation>最近的文件(&amp;L)</translation>
    </message>
    <message>
        <source>Retention Desktop files (*.db);;All files (*)</source>
        <translation>留人数据文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>新建文件</translation>
    </message>
    <message>
        <source>%1 is there already: a new file is never written over one. Open it with File &gt; Open file…, or choose another name.</source>
        <translation>%1 已经存在：新建文件不会覆盖已有的文件。请用“文件 &gt; 打开文件…”打开它，或换个名字。</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>No other file yet</source>
        <translation>还没有其他文件</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Retention Desktop Guide</source>
        <translation>留人 使用指南</translation>
    </message>
    <message>
        <source>Find in the guide</source>
        <translation>在指南中查找</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>查找(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一个(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>没有找到</translation>
    </message>
</context>
<context>
    <name>HelpFeature</name>
    <message>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>As the file shows</source>
        <translation>按文件判断</translation>
    </message>
    <message>
        <source>Year/month/day</source>
        <translation>年/月/日</translation>
    </message>
    <message>
        <source>Month/day/year (US)</source>
        <translation>月/日/年（美式）</translation>
    </message>
    <message>
        <source>Day/month/year</source>
        <translation>日/月/年</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <source>Read the file again with these columns</source>
        <translation>按这些列重新读取文件</translation>
    </message>
    <message>
        <source>Slash &amp;dates such as 03/05/2024</source>
        <translation>斜杠日期（如 03/05/2024）的顺序(&amp;D)</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>前几行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>已取消读取。</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1, sheet %2</source>
        <translation>%1，工作表 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1：%2 行</translation>
    </message>
    <message>
        <source>As the file shows: %1</source>
        <translation>按文件判断：%1</translation>
    </message>
    <message>
        <source>%1 problems. Nothing is imported until the file is clean: correct the file (or the columns above) and check again.</source>
        <translation>共 %1 个问题。文件没有问题之前不会导入任何内容：请修改文件（或上面的列对应关系）后重新检查。</translation>
    </message>
    <message>
        <source>Everything in this file is in the database already (%1 rows).</source>
        <translation>文件中的内容都已在数据库里（%1 行）。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln employee(s)</source>
        <translation>
            <numerusform>%Ln 名员工</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln employment spell(s)</source>
        <translation>
            <numerusform>%Ln 段在职记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln exit(s)</source>
        <translation>
            <numerusform>%Ln 条离职记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message>
        <source>New destinations added to the list: %1</source>
        <translation>新加入去向清单：%1</translation>
    </message>
    <message>
        <source>Imported: %1, %2 and %3 added; already in the database: %4.</source>
        <translation>已导入：新增 %1、%2和%3；已在数据库中：%4。</translation>
    </message>
    <message>
        <source>New exit reasons added to the list: %1</source>
        <translation>新增到原因清单的离职原因：%1</translation>
    </message>
    <message>
        <source>Ready: %1, %2 and %3 will be added; already in the database: %4. A backup is taken first.</source>
        <translation>可以导入：将新增 %1、%2和%3；已在数据库中：%4。导入前会先备份。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>问题：%1 个</translation>
    </message>
    <message>
        <source>Problems: none</source>
        <translation>问题：无</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Nothing was imported: see the problems.</source>
        <translation>没有导入任何内容：请查看问题列表。</translation>
    </message>
    <message>
        <source>A backup was taken first: %1</source>
        <translation>导入前已备份：%1</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was written.</source>
        <translation>导入已取消：没有写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>没有导入任何内容。%1</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: %1</source>
        <translation>导入失败，没有写入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>ImportUndoing</name>
    <message>
        <source>Undo &amp;import…</source>
        <translation>撤销导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Undo &amp;import of “%1”…</source>
        <translation>撤销导入“%1”(&amp;I)…</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation>没有可以撤销的导入。</translation>
    </message>
    <message>
        <source>Undoing the import of %1…</source>
        <translation>正在撤销 %1 的导入…</translation>
    </message>
    <message>
        <source>The import of %1 was undone: what it added was removed. A backup of the file as it was before the undo was taken first: %2</source>
        <translation>已撤销 %1 的导入：它添加的记录都已删除。撤销前已先备份了当时的文件：%2</translation>
    </message>
    <message>
        <source>The import was not undone: %1</source>
        <translation>导入没有撤销：%1</translation>
    </message>
    <message>
        <source>Undo the import of %1 (%2)? What it added is removed:
• people: %3
• employments: %4
• exits: %5
• exit reasons: %6</source>
        <translation>撤销 %1（%2）的导入吗？它添加的以下记录将被删除：
• 人员：%3
• 任职记录：%4
• 离职记录：%5
• 离职原因：%6</translation>
    </message>
    <message>
        <source>Employments it ended are open again: %1</source>
        <translation>它结束的任职恢复为在职：%1</translation>
    </message>
    <message>
        <source>A backup of the file is taken first.</source>
        <translation>撤销前会先备份文件。</translation>
    </message>
    <message>
        <source>The import of %1 (%2) cannot be undone: records made since touch what it wrote, and undoing it would take them away too.</source>
        <translation>%1（%2）的导入无法撤销：之后录入的记录涉及它写入的内容，撤销会把这些记录一并删掉。</translation>
    </message>
    <message>
        <source>Records it wrote that were edited or deleted since: %1</source>
        <translation>它写入后又被修改或删除的记录：%1 条</translation>
    </message>
    <message>
        <source>Records added since to people or exits it brought in (employments, exits, handover, actions, risk flags): %1</source>
        <translation>之后为它导入的人员或离职添加的记录（任职、离职、交接、措施、风险标记）：%1 条</translation>
    </message>
    <message>
        <source>Records made since that use an exit reason it added: %1</source>
        <translation>之后录入并用到它添加的离职原因的记录：%1 条</translation>
    </message>
    <message>
        <source>(for example %1)</source>
        <translation>（例如 %1）</translation>
    </message>
    <message>
        <source>To go back to the file as it was before the import, restore the backup %1 (File &gt; Backups…).</source>
        <translation>如要回到导入前的文件，请恢复备份 %1（文件 &gt; 备份…）。</translation>
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
    <name>KeepPage</name>
    <message>
        <source>Someone who gives notice can often still be kept. Say whether you tried, what you offered and how it ended: the dashboard counts the notices kept and lost, and Does it help? counts a kept notice for what was offered.</source>
        <translation>提出离职的人常常还留得住。记下是否挽留过、给了什么条件、结果如何：统计看板会统计挽留成功和流失的人数，“有用吗？”会把挽留成功算作所给措施的效果。</translation>
    </message>
    <message>
        <source>We &amp;tried to keep them</source>
        <translation>我们挽留过(&amp;T)</translation>
    </message>
    <message>
        <source>— nothing in particular —</source>
        <translation>— 没有具体措施 —</translation>
    </message>
    <message>
        <source>What we &amp;offered</source>
        <translation>给出的条件(&amp;O)</translation>
    </message>
    <message>
        <source>They are leavin&amp;g</source>
        <translation>仍然离职(&amp;G)</translation>
    </message>
    <message>
        <source>They stay&amp;ed: the notice was withdrawn on</source>
        <translation>留下了(&amp;E)：撤回离职的日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Withdraw notice: they stay employed, and this notice (its reasons, the offer and the notes) stays in their history. The handover checklist is dropped. Ctrl+Z takes it back.</source>
        <translation>点“撤回离职”后：此人继续在职，这次离职申请（原因、挽留条件和记录）留在其履历中，交接清单不再保留。可用 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
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
        <source>Daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Before undoing an import</source>
        <translation>撤销导入前</translation>
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
        <source>Today</source>
        <translation>今日提醒</translation>
    </message>
    <message>
        <source> (demo shop)</source>
        <translation>（示例店铺）</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
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
        <source>The file this window shows</source>
        <translation>本窗口显示的文件</translation>
    </message>
    <message>
        <source>This file is read-only: you can look, report and export, but not change anything. To make changes, make %1 writable (or copy it to a folder you can write to) and open it again.</source>
        <translation>此文件是只读的：可以查看、统计和导出，但不能做任何修改。如需修改，请让 %1 可写（或把它复制到可写的文件夹），然后重新打开。</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Em&amp;ployee</source>
        <translation>员工(&amp;M)</translation>
    </message>
    <message>
        <source>Ac&amp;tions</source>
        <translation>措施(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日提醒(&amp;T)</translation>
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
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Today (%1)</source>
        <translation>今日提醒（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue action(s)</source>
        <translation>
            <numerusform>%Ln 项措施已逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln employee(s)</source>
        <translation>
            <numerusform>共 %Ln 名员工</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln active</source>
        <translation>
            <numerusform>%Ln 名在职</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>显示 %Ln 名</numerusform>
        </translation>
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
        <translation>入职日期在一年以后，请检查年份。</translation>
    </message>
    <message>
        <source>The hire date is after this person&apos;s last working day (%1).</source>
        <translation>入职日期晚于此人的最后工作日（%1）。</translation>
    </message>
    <message>
        <source>The hire date must be after the end of the previous employment (%1).</source>
        <translation>入职日期必须晚于上一段任职的结束日期（%1）。</translation>
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
        <translation>最后工作日早于入职日期（%1）。</translation>
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
        <source>A withdrawn notice needs the day it was given: tick Notice given on.</source>
        <translation>撤回的离职需要有提出日期：请勾选“提出离职日期”。</translation>
    </message>
    <message>
        <source>The notice cannot be withdrawn before the day it was given.</source>
        <translation>撤回日期不能早于提出离职的日期。</translation>
    </message>
    <message>
        <source>The notice must be withdrawn by the last working day.</source>
        <translation>撤回日期不能晚于最后工作日。</translation>
    </message>
    <message>
        <source>The day the notice was withdrawn is ahead of today.</source>
        <translation>撤回日期晚于今天。</translation>
    </message>
    <message>
        <source>The primary reason is also ticked as a further reason.</source>
        <translation>主要原因又被勾选为其他原因。</translation>
    </message>
    <message>
        <source>Choose the kind of action.</source>
        <translation>请选择措施类型。</translation>
    </message>
    <message>
        <source>This kind of action is retired; choose another.</source>
        <translation>这种措施已停用，请选择其他类型。</translation>
    </message>
    <message>
        <source>Enter the planned date.</source>
        <translation>请填写计划日期。</translation>
    </message>
    <message>
        <source>The planned date is after the day it was done (%1).</source>
        <translation>计划日期晚于完成日期（%1）。</translation>
    </message>
    <message>
        <source>The due date is before the planned date.</source>
        <translation>截止日期早于计划日期。</translation>
    </message>
    <message>
        <source>The cost is out of range.</source>
        <translation>费用超出范围。</translation>
    </message>
    <message>
        <source>The title is too long.</source>
        <translation>标题太长。</translation>
    </message>
    <message>
        <source>Enter the team.</source>
        <translation>请填写部门。</translation>
    </message>
    <message>
        <source>Choose at least one employee.</source>
        <translation>请至少选择一名员工。</translation>
    </message>
    <message>
        <source>Enter the day it was done.</source>
        <translation>请填写完成日期。</translation>
    </message>
    <message>
        <source>The day it was done is after today.</source>
        <translation>完成日期晚于今天。</translation>
    </message>
    <message>
        <source>The day it was done is before the planned date (%1).</source>
        <translation>完成日期早于计划日期（%1）。</translation>
    </message>
    <message>
        <source>Only a planned action can be changed so.</source>
        <translation>只有待办的措施才能这样修改。</translation>
    </message>
    <message>
        <source>Choose the level of risk.</source>
        <translation>请选择风险等级。</translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation>请填写日期。</translation>
    </message>
    <message>
        <source>The date is after today.</source>
        <translation>日期晚于今天。</translation>
    </message>
    <message>
        <source>The date is before that of the current flag (%1).</source>
        <translation>日期早于当前标记的日期（%1）。</translation>
    </message>
    <message>
        <source>The date is before the flag was set.</source>
        <translation>日期早于标记日期。</translation>
    </message>
    <message>
        <source>This person is not flagged at risk.</source>
        <translation>此人没有流失风险标记。</translation>
    </message>
    <message>
        <source>The folder %1 is not there.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>You may not write to the folder %1: choose another.</source>
        <translation>没有写入文件夹 %1 的权限，请换一个。</translation>
    </message>
    <message>
        <source>Keep between 1 and 365 backups.</source>
        <translation>请保留 1 到 365 份备份。</translation>
    </message>
    <message>
        <source>This person was rehired on %1 after this exit: undo or delete the rehire first.</source>
        <translation>此人在这次离职后于 %1 再次入职：请先撤销或删除再次录用。</translation>
    </message>
    <message>
        <source>The file %1 is read-only, so the change was not saved.</source>
        <translation>文件 %1 是只读的，更改没有保存。</translation>
    </message>
    <message>
        <source>The disk that holds %1 is full, so the change was not saved. Free some space and save again.</source>
        <translation>%1 所在的磁盘已满，更改没有保存。请腾出一些空间后再保存。</translation>
    </message>
    <message>
        <source>Another program is using %1, so the change was not saved. Close it or wait a moment, then save again.</source>
        <translation>另一个程序正在使用 %1，更改没有保存。请关闭该程序或稍等片刻，再保存。</translation>
    </message>
    <message>
        <source>The disk could not read or write %1, so the change was not saved.</source>
        <translation>磁盘无法读写 %1，更改没有保存。</translation>
    </message>
    <message>
        <source>You are not allowed to change %1, so the change was not saved.</source>
        <translation>您没有修改 %1 的权限，更改没有保存。</translation>
    </message>
    <message>
        <source>The folder of %1 is not there (a drive taken out?), so the change was not saved.</source>
        <translation>%1 所在的文件夹不存在（是否拔出了移动硬盘？），更改没有保存。</translation>
    </message>
    <message>
        <source>The path %1 is too long for this system, so nothing was saved.</source>
        <translation>路径 %1 对本系统来说太长，没有保存任何内容。</translation>
    </message>
    <message>
        <source>The file %1 is damaged, so the change was not saved.</source>
        <translation>文件 %1 已损坏，更改没有保存。</translation>
    </message>
    <message>
        <source>The change could not be saved to %1.</source>
        <translation>更改无法保存到 %1。</translation>
    </message>
    <message>
        <source>%1 may not be written (a read-only file or folder). Choose another place.</source>
        <translation>%1 不能写入（文件或文件夹是只读的）。请换个位置。</translation>
    </message>
    <message>
        <source>%1 may not be written or read: is it open in Excel or WPS? Close it, or choose another place.</source>
        <translation>%1 不能写入或读取：是不是在 Excel 或 WPS 里打开着？请关闭它，或换个位置。</translation>
    </message>
    <message>
        <source>The disk that holds %1 is full, so it was not written. Free some space and try again.</source>
        <translation>%1 所在的磁盘已满，没有写入。请腾出空间后再试。</translation>
    </message>
    <message>
        <source>The folder of %1 is not there (a drive taken out?).</source>
        <translation>%1 所在的文件夹不在（U 盘被拔出了？）。</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>没有文件 %1。</translation>
    </message>
    <message>
        <source>The path %1 is too long for this system. Choose a shorter one.</source>
        <translation>路径 %1 太长，本系统无法使用。请换个短一些的。</translation>
    </message>
    <message>
        <source>The disk could not read or write %1.</source>
        <translation>磁盘无法读写 %1。</translation>
    </message>
    <message>
        <source>Another program is using %1. Close it and try again.</source>
        <translation>另一个程序正在使用 %1。请关闭它再试。</translation>
    </message>
    <message>
        <source>%1 could not be written or read (%2).</source>
        <translation>无法写入或读取 %1（%2）。</translation>
    </message>
    <message>
        <source>%2 is using %1, so the change was not saved. Close it or wait a moment, then save again.</source>
        <translation>%2 正在使用 %1，更改没有保存。请关闭该程序或稍等片刻，再保存。</translation>
    </message>
</context>
<context>
    <name>PeakSeasonsBox</name>
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
        <source>Fixed dates are the same every year (from 12-20 to 01-10 runs over the new year). Days from Spring Festival follow the lunar calendar: -10 is ten days before it, +25 twenty-five days after. The dashboard&apos;s calendar-month chart and the Today panel use each year&apos;s real dates.</source>
        <translation>固定日期每年相同（从 12-20 到 01-10 即跨年）。按春节前后天数则随农历每年变动：-10 为春节前 10 天，+25 为春节后 25 天。统计页的按月份统计图和今日提醒都按每年的实际日期计算。</translation>
    </message>
    <message>
        <source>Fixed dates</source>
        <translation>固定日期</translation>
    </message>
    <message>
        <source>Days from Spring Festival</source>
        <translation>按春节前后天数</translation>
    </message>
    <message>
        <source>%1: beyond the lunar calendar</source>
        <translation>%1：超出农历范围</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 ends before it starts: make its “To” at least its “From”.</source>
        <translation>%1 在开始之前就结束了：请让“到”不早于“从”。</translation>
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
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>替身</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
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
        <source>Where people went</source>
        <translation>离职去向</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>去向：</translation>
    </message>
    <message>
        <source>New destination</source>
        <translation>新增去向</translation>
    </message>
    <message>
        <source>Rename destination</source>
        <translation>重命名去向</translation>
    </message>
    <message>
        <source>Built-in destinations and destinations already recorded on an exit cannot be deleted; retire them instead. A retired destination is no longer offered but stays on the exits that have it.</source>
        <translation>内置去向和已用在离职记录上的去向不能删除，只能停用。停用的去向不再供选择，但仍保留在已有的离职记录上。</translation>
    </message>
    <message>
        <source>Action library</source>
        <translation>措施库</translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation>措施类型</translation>
    </message>
    <message>
        <source>Kind of action:</source>
        <translation>措施类型：</translation>
    </message>
    <message>
        <source>New kind of action</source>
        <translation>新增措施类型</translation>
    </message>
    <message>
        <source>Rename kind of action</source>
        <translation>重命名措施类型</translation>
    </message>
    <message>
        <source>Built-in kinds of action and kinds already planned for someone cannot be deleted; retire them instead. A retired kind is no longer offered but stays on the actions that have it.</source>
        <translation>内置的措施类型和已经计划过的措施类型不能删除，只能停用。停用后不再出现在选项里，但已有的措施仍保留它。</translation>
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
        <translation>内置原因和已被离职记录使用的原因不能删除，只能停用。停用的原因不再出现在选项中，但会保留在已使用它的离职记录上。</translation>
    </message>
    <message>
        <source>OK saves the whole list at once; Edit &gt; Undo cannot take it back. Cancel leaves the list as it was.</source>
        <translation>点“确定”会一次保存整个列表，之后无法用“编辑 &gt; 撤销”撤回。点“取消”则列表保持原样。</translation>
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
        <translation>%1，已停用</translation>
    </message>
    <message>
        <source>%1, used %2×</source>
        <translation>%1，已使用 %2 次</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>“%1” is already in the list.</source>
        <translation>“%1”已在列表中。</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
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
    <name>ReportCommands</name>
    <message>
        <source>&amp;Print report…</source>
        <translation>打印报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Save report as P&amp;DF…</source>
        <translation>将报告保存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>The figures could not be read from %1.</source>
        <translation>无法从 %1 读取数据。</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>PDF 没有保存成功：%1</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Save report as PDF</source>
        <translation>将报告保存为 PDF</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>One or two A4 pages for the team meeting: the key figures with their change against the previous period, separations by month and by reason, the top reasons, open handovers and overdue actions.</source>
        <translation>一到两页 A4，供团队例会使用：关键指标及与上一期间相比的变化、每月离职与按原因统计的离职、主要离职原因、未完成的工作交接和逾期的措施。</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>部门(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>保存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Pre&amp;view and print…</source>
        <translation>预览并打印(&amp;V)…</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>Turnover report %1</source>
        <translation>离职报告 %1</translation>
    </message>
    <message>
        <source>Staff turnover report</source>
        <translation>员工流失报告</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Period: %1 (%2) · Team: %3 · Printed %4</source>
        <translation>期间：%1（%2）· 部门：%3 · 打印于 %4</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Reasons for leaving</source>
        <translation>离职原因</translation>
    </message>
    <message>
        <source>Nobody left in this period.</source>
        <translation>本期间没有人离职。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期间</translation>
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
        <source>Top reasons</source>
        <translation>主要原因</translation>
    </message>
    <message>
        <source>Separations</source>
        <translation>离职人数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Open handovers</source>
        <translation>未完成的工作交接</translation>
    </message>
    <message>
        <source>None: every handover is finished.</source>
        <translation>没有：所有工作交接都已完成。</translation>
    </message>
    <message>
        <source>%1 of %2 handed over</source>
        <translation>已交接 %1/%2 项</translation>
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
        <source>Last day</source>
        <translation>最后工作日</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>工作交接</translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation>逾期的措施</translation>
    </message>
    <message>
        <source>None: no action is past its due date.</source>
        <translation>没有：所有措施都未过截止日期。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
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
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Overdue by</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <source>Flag %1 at risk</source>
        <translation>标记 %1 有流失风险</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <source>What was seen or heard</source>
        <translation>看到或听到了什么</translation>
    </message>
    <message>
        <source>&amp;Level *</source>
        <translation>风险等级(&amp;L) *</translation>
    </message>
    <message>
        <source>Suspected &amp;reason</source>
        <translation>可能的原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Date *</source>
        <translation>日期(&amp;D) *</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Flags so far (a new flag replaces the current one):</source>
        <translation>以往的标记（新标记会替换当前标记）：</translation>
    </message>
</context>
<context>
    <name>RiskFlags</name>
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
    <message>
        <source>Flagged</source>
        <translation>标记日期</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>解除日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RosterFeature</name>
    <message>
        <source>&amp;New employee…</source>
        <translation>新增员工(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Re&amp;hire…</source>
        <translation>再次录用(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Delete employee…</source>
        <translation>删除员工(&amp;D)…</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>新增 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Rehire %1</source>
        <translation>再次录用 %1</translation>
    </message>
    <message>
        <source>Delete employee</source>
        <translation>删除员工</translation>
    </message>
    <message>
        <source>Delete %1 with all their employment, exit records and actions? Turnover figures will no longer count them. You can undo this with Ctrl+Z.</source>
        <translation>删除 %1 及其全部任职经历、离职记录和留人措施吗？流失统计将不再计入此人。可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
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
        <source>Starts %1</source>
        <translation>入职待到岗（%1）</translation>
    </message>
    <message>
        <source>Leaving: last day today</source>
        <translation>待离职：今天最后一天</translation>
    </message>
    <message numerus="yes">
        <source>Leaving in %n day(s)</source>
        <translation>
            <numerusform>待离职，还剩 %n 天</numerusform>
        </translation>
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
        <translation>搜索姓名、工号或电话（Ctrl+F）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Leaving (notice given)</source>
        <translation>待离职（已提出离职）</translation>
    </message>
    <message>
        <source>Starting (not yet begun)</source>
        <translation>入职待到岗</translation>
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
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Not flagged</source>
        <translation>未标记</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>Tea&amp;m</source>
        <translation>部门(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Risk</source>
        <translation>风险(&amp;R)</translation>
    </message>
    <message>
        <source>The roster could not be read: %1</source>
        <translation>无法读取花名册：%1</translation>
    </message>
    <message>
        <source>Loading the roster…</source>
        <translation>正在读取花名册…</translation>
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
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language of the app</source>
        <translation>程序语言(&amp;L)</translation>
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
        <translation>每走一人就要再招一人：流失成本 = 离职人数 ×（每人招聘成本 + 每人培训成本）。</translation>
    </message>
    <message>
        <source>Turnover rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>Also show turnover rate = leavers / (leavers + headcount at the end)</source>
        <translation>同时显示 流失率 = 离职人数 /（离职人数 + 期末在职人数）</translation>
    </message>
    <message>
        <source>Some shops count turnover this way. The dashboard then shows it beside the standard rate (separations / average headcount), labelled with its formula.</source>
        <translation>有些店铺这样计算流失率。勾选后，看板会在标准流失率（离职人数 / 平均在职人数）旁边显示它，并标明公式。</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Pro&amp;bation</source>
        <translation>试用期(&amp;B)</translation>
    </message>
    <message>
        <source>An exit before the probation ends counts in the probation attrition rate = exits in probation ÷ hires of the period. It ends that many months after the first working day, on the same day of the month.</source>
        <translation>试用期结束前离职的人计入试用期离职率 = 试用期内离职人数 ÷ 同期入职人数。试用期从第一个工作日起满这么多个月的同一天结束。</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Check-in due after</source>
        <translation>多久没谈心就提醒(&amp;C)</translation>
    </message>
    <message>
        <source>The Today panel lists the people still employed who have had no check-in conversation (an action of that kind marked done) for this long.</source>
        <translation>今日提醒会列出超过这么久没有谈心（一对一谈心措施标记完成）的在职员工。</translation>
    </message>
    <message>
        <source>Give a currency sign, such as ¥.</source>
        <translation>请填写货币符号，例如 ¥。</translation>
    </message>
</context>
<context>
    <name>SettingsFeature</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>更改设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start. Start Retention Desktop again now?</source>
        <translation>新的语言从下次启动开始使用。现在重新启动留人吗？</translation>
    </message>
</context>
<context>
    <name>SheetMessages</name>
    <message>
        <source>Employee no.</source>
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
        <source>Exit date</source>
        <translation>离职日期</translation>
    </message>
    <message>
        <source>Exit type</source>
        <translation>离职类型</translation>
    </message>
    <message>
        <source>Exit reason</source>
        <translation>离职原因</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Way of leaving</source>
        <translation>离职方式</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>离职去向</translation>
    </message>
    <message>
        <source>This is not a spreadsheet. Choose an .xlsx file or a .csv file saved from Excel or WPS.</source>
        <translation>这不是表格文件。请选择 .xlsx 文件，或由 Excel、WPS 保存的 .csv 文件。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file has a header row but no rows of data under it.</source>
        <translation>文件只有表头，下面没有数据行。</translation>
    </message>
    <message>
        <source>The file is password-protected or an old .xls workbook. Open it in Excel or WPS and save it as .xlsx without a password.</source>
        <translation>文件设置了密码，或是旧的 .xls 格式。请在 Excel 或 WPS 中打开，另存为不带密码的 .xlsx。</translation>
    </message>
    <message>
        <source>The workbook is damaged or incomplete (was it copied in full?). Open it in Excel or WPS and save it again.</source>
        <translation>工作簿已损坏或不完整（是否完整复制？）。请在 Excel 或 WPS 中打开后重新保存。</translation>
    </message>
    <message>
        <source>The workbook unpacks to far more data than a roster holds, so it was not opened (it may be built to harm the computer).</source>
        <translation>这个工作簿解压后的数据量远超花名册应有的大小，因此没有打开（它可能是用来损害电脑的文件）。</translation>
    </message>
    <message>
        <source>The workbook contains XML entity declarations, which a real spreadsheet does not; it was not opened (it may be built to harm the computer).</source>
        <translation>工作簿中含有正常表格不会有的 XML 实体声明，因此没有打开（它可能是用来损害电脑的文件）。</translation>
    </message>
    <message>
        <source>The file has more than %1 rows. Split it into smaller files.</source>
        <translation>文件超过 %1 行。请拆分成几个较小的文件。</translation>
    </message>
    <message>
        <source>The file holds far more cells than a roster (over %1). Copy the roster&apos;s columns and rows into a new workbook and import that.</source>
        <translation>文件里的单元格远多于一份花名册（超过 %1 个）。请把花名册的列和行复制到一个新工作簿再导入。</translation>
    </message>
    <message>
        <source>The encoding of the file&apos;s text could not be recognised. Save it from Excel as &quot;CSV UTF-8&quot; or as .xlsx.</source>
        <translation>无法识别文件文字的编码。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 格式。</translation>
    </message>
    <message>
        <source>The header row has merged cells (%1). Unmerge them so that each column has its own header.</source>
        <translation>表头行有合并单元格（%1）。请取消合并，让每一列都有自己的表头。</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>于 %1 结束</translation>
    </message>
    <message>
        <source>is still open</source>
        <translation>仍在职</translation>
    </message>
    <message>
        <source>No column for %1 was found: choose the column that holds it.</source>
        <translation>没有找到“%1”列：请选择存放它的列。</translation>
    </message>
    <message>
        <source>Two columns are imported as %1.</source>
        <translation>有两列都被导入为“%1”。</translation>
    </message>
    <message>
        <source>Dates such as 03/05/2024 could be read either way: choose the order of slash dates.</source>
        <translation>像 03/05/2024 这样的日期有两种读法：请选择斜杠日期的顺序。</translation>
    </message>
    <message>
        <source>Slash dates in the file are written in different orders: correct them.</source>
        <translation>文件中的斜杠日期顺序不一致：请改正。</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>缺少%1。</translation>
    </message>
    <message>
        <source>%1 is %2 characters long, at most %3 are allowed.</source>
        <translation>%1有 %2 个字符，最多允许 %3 个。</translation>
    </message>
    <message>
        <source>%1 is not a date.</source>
        <translation>%1 不是有效日期。</translation>
    </message>
    <message>
        <source>%1: write the year with four digits.</source>
        <translation>%1：年份请写四位数。</translation>
    </message>
    <message>
        <source>The exit date %1 is before the hire date.</source>
        <translation>离职日期 %1 早于入职日期。</translation>
    </message>
    <message>
        <source>%1 is not an exit type: write voluntary or involuntary (主动 or 被动).</source>
        <translation>%1 不是离职类型：请填写 主动 或 被动。</translation>
    </message>
    <message>
        <source>%1 is not a way of leaving: write resignation, walked off, mutual agreement, dismissal, contract end or failed probation (辞职, 自离, 协商解除, 辞退, 合同到期 or 试用期不合格).</source>
        <translation>%1 不是离职方式：请填写辞职、自离、协商解除、辞退、合同到期或试用期不合格。</translation>
    </message>
    <message>
        <source>An exit type, reason, way of leaving or destination is given but no exit date.</source>
        <translation>填写了离职类型、原因、方式或去向，却没有离职日期。</translation>
    </message>
    <message>
        <source>A formula (%1): type the value instead.</source>
        <translation>这是公式（%1）：请直接填写数值。</translation>
    </message>
    <message>
        <source>The same as row %1.</source>
        <translation>与第 %1 行重复。</translation>
    </message>
    <message>
        <source>Overlaps the employment on row %1 of the same employee no.</source>
        <translation>与同一工号第 %1 行的在职期间重叠。</translation>
    </message>
    <message>
        <source>Row %1 has the same employee no. still employed too.</source>
        <translation>同一工号的第 %1 行也仍在职。</translation>
    </message>
    <message>
        <source>Row %1 gives another name for this employee no.</source>
        <translation>第 %1 行给这个工号填了另一个姓名。</translation>
    </message>
    <message>
        <source>Employee no. %1 is %2 in the database.</source>
        <translation>数据库中工号 %1 是 %2。</translation>
    </message>
    <message>
        <source>In the database this employment %1; in the file it %2.</source>
        <translation>数据库中这段在职记录%1；文件中%2。</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Overlaps the employment in the database from %1 to %2.</source>
        <translation>与数据库中 %1 至 %2 的在职期间重叠。</translation>
    </message>
</context>
<context>
    <name>ShellCommands</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
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
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Retention Desktop</source>
        <translation>关于留人(&amp;A)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
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
        <translation>无法写入备份：%1</translation>
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

小店的员工留存工具：花名册、每一次离职及原因，以及留住员工的行动。你的数据只保存在这台电脑上的一个文件里：
%2</translation>
    </message>
    <message>
        <source>Open its &amp;folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>SpreadsheetsFeature</name>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Save import &amp;template…</source>
        <translation>保存导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>import template.xlsx</source>
        <translation>导入模板.xlsx</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>模板已保存：%1</translation>
    </message>
</context>
<context>
    <name>TeamCombo</name>
    <message>
        <source>All teams</source>
        <translation>全部部门</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Overdue actions (%1)</source>
        <translation>逾期的措施（%1）</translation>
    </message>
    <message>
        <source>Show %1 more… (%2 in all)</source>
        <translation>再显示 %1 条…（共 %2 条）</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>部门 %1</translation>
    </message>
    <message>
        <source>%1 · %2, due %3 (%4 days ago)</source>
        <translation>%1 · %2，%3 到期（已过 %4 天）</translation>
    </message>
    <message>
        <source>New hires at 30 / 60 / 90 days (%1)</source>
        <translation>入职满 30 / 60 / 90 天的新人（%1）</translation>
    </message>
    <message>
        <source>%1 (%2): %3 days on %4</source>
        <translation>%1（%2）：%4 满 %3 天</translation>
    </message>
    <message>
        <source>No check-in conversation lately (%1)</source>
        <translation>近期没有谈心的员工（%1）</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Today&apos;s reminders could not be read: %1</source>
        <translation>无法读取今日提醒：%1</translation>
    </message>
    <message>
        <source>Who to talk to this week (%1)</source>
        <translation>本周该找谁谈谈（%1）</translation>
    </message>
    <message>
        <source>Leaving within 14 days (%1)</source>
        <translation>14 天内离职（%1）</translation>
    </message>
    <message>
        <source>Probation ending within 14 days (%1)</source>
        <translation>14 天内试用期结束（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n sign(s)</source>
        <translation>
            <numerusform>%1（%2）：%n 个信号</numerusform>
        </translation>
    </message>
    <message>
        <source>in days %1-%2, when this shop&apos;s hires leave fastest (%3 exits)</source>
        <translation>入职第 %1-%2 天，本店新人走得最快的时段（依据 %3 次离职）</translation>
    </message>
    <message>
        <source>never a check-in</source>
        <translation>从未谈心</translation>
    </message>
    <message>
        <source>no check-in since %1</source>
        <translation>%1 以来没有谈心</translation>
    </message>
    <message>
        <source>risk flagged: %1</source>
        <translation>已标记流失风险：%1</translation>
    </message>
    <message>
        <source>%1 of the team left on %2</source>
        <translation>同组的 %1 于 %2 离职</translation>
    </message>
    <message>
        <source>probation ends %1</source>
        <translation>试用期 %1 结束</translation>
    </message>
    <message>
        <source>gave notice, last day %1</source>
        <translation>已提出离职，最后工作日 %1</translation>
    </message>
    <message>
        <source>%1 starts %2</source>
        <translation>%1 %2 开始</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>%1 (%2): last day today</source>
        <translation>%1（%2）：今天最后一天</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): last day %3, in %n day(s)</source>
        <translation>
            <numerusform>%1（%2）：最后工作日 %3，还有 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 handed over</source>
        <translation>已交接 %1/%2 项</translation>
    </message>
    <message>
        <source>%1 (%2): probation ends %3</source>
        <translation>%1（%2）：试用期 %3 结束</translation>
    </message>
    <message>
        <source>%1 (%2): never, employed %3 days</source>
        <translation>%1（%2）：从未谈心，已入职 %3 天</translation>
    </message>
    <message>
        <source>%1 (%2): last on %3</source>
        <translation>%1（%2）：上次谈心 %3</translation>
    </message>
    <message>
        <source>Peak season (%1)</source>
        <translation>高峰期（%1）</translation>
    </message>
    <message>
        <source>%1: now, until %2</source>
        <translation>%1：正在进行，到 %2</translation>
    </message>
    <message>
        <source>%1: from %2, in %3 days</source>
        <translation>%1：%2 开始，还有 %3 天</translation>
    </message>
    <message>
        <source>Exits with an unfinished handover (%1)</source>
        <translation>交接未完成的离职（%1）</translation>
    </message>
    <message>
        <source>%1, last day %2: %3 of %4 handed over</source>
        <translation>%1，最后工作日 %2：已交接 %3/%4 项</translation>
    </message>
    <message>
        <source>%1, left %2: %3 of %4 handed over</source>
        <translation>%1，%2 离职：已交接 %3/%4 项</translation>
    </message>
    <message>
        <source>High risk, nothing planned (%1)</source>
        <translation>高风险但没有计划措施（%1）</translation>
    </message>
    <message>
        <source>%1 (%2): flagged %3</source>
        <translation>%1（%2）：%3 标记</translation>
    </message>
    <message>
        <source>Nothing needs you today.</source>
        <translation>今天没有需要处理的事。</translation>
    </message>
    <message>
        <source>Double-click a line to go to it.</source>
        <translation>双击一行即可前往处理。</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Retention Desktop</source>
        <translation>欢迎使用留人</translation>
    </message>
    <message>
        <source>This file holds no one yet. Start from what you have: everything stays in this one file on this computer.</source>
        <translation>这个文件里还没有人员。从手头已有的开始吧：所有数据都保存在这台电脑的这一个文件里。</translation>
    </message>
    <message>
        <source>&amp;Import my Excel roster…</source>
        <translation>导入我的 Excel 花名册(&amp;I)…</translation>
    </message>
    <message>
        <source>Save the import temp&amp;late first…</source>
        <translation>先保存导入模板(&amp;L)…</translation>
    </message>
    <message>
        <source>Try the &amp;demo shop</source>
        <translation>看看示例店铺(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Add my first employee…</source>
        <translation>添加第一位员工(&amp;A)…</translation>
    </message>
    <message>
        <source>Columns such as 姓名, 入职日期, 离职日期, 离职原因: the import shows what it reads before anything is written.</source>
        <translation>表格里有姓名、入职日期、离职日期、离职原因等列即可：导入前会先显示读到的内容，确认后才写入。</translation>
    </message>
    <message>
        <source>A made-up shop in a file of its own (marked “demo”), to look around without touching this one.</source>
        <translation>一个虚构的店铺，放在单独的文件里（标着“示例”），随便看，不会动到这个文件。</translation>
    </message>
    <message>
        <source>One by one, by hand; more can be imported later.</source>
        <translation>手动逐个添加；以后还可以再导入。</translation>
    </message>
</context>
</TS>
