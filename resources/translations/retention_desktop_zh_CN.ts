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
    <name>MainWindow</name>
    <message>
        <source>Retention Desktop — %1</source>
        <translation>留人 — %1</translation>
    </message>
    <message>
        <source>No employees yet. Add your team, or run “retention-desktop demo” to look around with a demo shop.</source>
        <translation>还没有员工。添加你的团队,或运行“retention-desktop demo”用示例店铺先看看。</translation>
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
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
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
        <source>%1 employees, %2 active</source>
        <translation>共 %1 名员工,%2 名在职</translation>
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
</TS>
