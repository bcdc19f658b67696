<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActionsPage</name>
    <message numerus="yes">
        <source>%Ln action(s)</source>
        <translation>
            <numerusform>%Ln action</numerusform>
            <numerusform>%Ln actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln month</numerusform>
            <numerusform>%Ln months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notice(s) given: %1 kept, %2 lost, %3 still on notice.</source>
        <translation>
            <numerusform>%Ln notice given: %1 kept, %2 lost, %3 still on notice.</numerusform>
            <numerusform>%Ln notices given: %1 kept, %2 lost, %3 still on notice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You tried to keep %Ln of them; %1 stayed.</source>
        <translation>
            <numerusform>You tried to keep %Ln of them; %1 stayed.</numerusform>
            <numerusform>You tried to keep %Ln of them; %1 stayed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EffectModel</name>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExitsBehindDialog</name>
    <message numerus="yes">
        <source>%Ln exit(s). Double-click one to open it.</source>
        <translation>
            <numerusform>%Ln exit. Double-click it to open it.</numerusform>
            <numerusform>%Ln exits. Double-click one to open it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExitsPage</name>
    <message numerus="yes">
        <source>%Ln exit(s)</source>
        <translation>
            <numerusform>%Ln exit</numerusform>
            <numerusform>%Ln exits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with unfinished handover</source>
        <translation>
            <numerusform>%Ln with unfinished handover</numerusform>
            <numerusform>%Ln with unfinished handover</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln employee(s)</source>
        <translation>
            <numerusform>%Ln employee</numerusform>
            <numerusform>%Ln employees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln employment spell(s)</source>
        <translation>
            <numerusform>%Ln employment spell</numerusform>
            <numerusform>%Ln employment spells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln exit(s)</source>
        <translation>
            <numerusform>%Ln exit</numerusform>
            <numerusform>%Ln exits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln overdue action(s)</source>
        <translation>
            <numerusform>%Ln overdue action</numerusform>
            <numerusform>%Ln overdue actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln employee(s)</source>
        <translation>
            <numerusform>%Ln employee</numerusform>
            <numerusform>%Ln employees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln active</source>
        <translation>
            <numerusform>%Ln active</numerusform>
            <numerusform>%Ln active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message numerus="yes">
        <source>Leaving in %n day(s)</source>
        <translation>
            <numerusform>Leaving in %n day</numerusform>
            <numerusform>Leaving in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message numerus="yes">
        <source>%1 (%2): %n sign(s)</source>
        <translation>
            <numerusform>%1 (%2): %n sign</numerusform>
            <numerusform>%1 (%2): %n signs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): last day %3, in %n day(s)</source>
        <translation>
            <numerusform>%1 (%2): last day %3, in %n day</numerusform>
            <numerusform>%1 (%2): last day %3, in %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
