<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>升级前自动备份</source>
        <translation>Automatic backup before upgrade</translation>
    </message>
    <message>
        <source>手动备份</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <source>每日自动备份</source>
        <translation>Daily automatic backup</translation>
    </message>
    <message>
        <source>恢复前自动备份</source>
        <translation>Automatic backup before restore</translation>
    </message>
    <message>
        <source>来历不明</source>
        <translation>Unknown origin</translation>
    </message>
    <message>
        <source>当前数据会先另存（完好时存为“恢复前自动备份”，已损坏时原样复制到数据目录的 damaged 文件夹），不会删除；需要时可请技术支持从中找回。</source>
        <translation>The current data is saved first (as an &quot;automatic backup before restore&quot; when intact, or copied as it is into the damaged folder of the data directory when damaged); nothing is deleted, and technical support can recover it from there if needed.</translation>
    </message>
    <message>
        <source>恢复后，%s（备份时间）之后录入和修改的全部内容都不会在恢复后的数据中。当前数据已损坏，无法统计具体有多少。</source>
        <translation>After the restore, everything entered or changed after %s (when the backup was taken) will not be in the restored data. The current data is damaged, so how much that is cannot be counted.</translation>
    </message>
    <message>
        <source>%s（备份时间）之后没有录入或修改过任何内容，恢复不会丢失数据。</source>
        <translation>Nothing was entered or changed after %s (when the backup was taken); restoring loses no data.</translation>
    </message>
    <message>
        <source>新登记的事项 %s 件</source>
        <translation>%s newly registered cases</translation>
    </message>
    <message>
        <source>办理或修改过的事项 %s 件</source>
        <translation>%s cases handled or changed</translation>
    </message>
    <message>
        <source>办理记录 %s 条</source>
        <translation>%s handling records</translation>
    </message>
    <message>
        <source>新增或修改的人员信息 %s 条</source>
        <translation>%s persons added or changed</translation>
    </message>
    <message>
        <source>附件 %s 个</source>
        <translation>%s attachments</translation>
    </message>
    <message>
        <source>审计记录 %s 条</source>
        <translation>%s audit entries</translation>
    </message>
    <message>
        <source>恢复后，%1（备份时间）之后录入和修改的内容将不在数据中：%2。这些内容需要重新录入。</source>
        <translation>After the restore, what was entered or changed after %1 (when the backup was taken) will not be in the data: %2. It will have to be entered again.</translation>
    </message>
    <message>
        <source>确认从备份恢复</source>
        <translation>Confirm restore from backup</translation>
    </message>
    <message>
        <source>确定要把数据恢复到 %s 的备份吗？</source>
        <translation>Restore the data to the backup of %s?</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在恢复</source>
        <translation>Restoring</translation>
    </message>
    <message>
        <source>正在另存当前数据并从备份恢复，请不要关闭程序……</source>
        <translation>Saving the current data and restoring from the backup. Please do not close the program…</translation>
    </message>
    <message>
        <source>受理事项</source>
        <translation>Cases received</translation>
    </message>
    <message>
        <source>矛盾纠纷</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>调解成功率</source>
        <translation>Mediation success rate</translation>
    </message>
    <message>
        <source>按期办结率</source>
        <translation>Closed on time</translation>
    </message>
    <message>
        <source>超期未办结</source>
        <translation>Overdue, still open</translation>
    </message>
    <message>
        <source>群众满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>就地化解率</source>
        <translation>Resolved on the spot</translation>
    </message>
    <message>
        <source>在办红色风险</source>
        <translation>Open red-risk cases</translation>
    </message>
    <message>
        <source>0件</source>
        <translation>0 cases</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>%1 件</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>绿</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>事项分布</source>
        <translation>Where the cases are</translation>
    </message>
    <message>
        <source>正在生成地图……</source>
        <translation>Drawing the map…</translation>
    </message>
    <message>
        <source>地图无法显示：</source>
        <translation>The map cannot be shown: </translation>
    </message>
    <message>
        <source>另有 %s 件无坐标</source>
        <translation>%s more without coordinates</translation>
    </message>
    <message>
        <source>%s事项分布（%s 件）</source>
        <translation>%s: where the cases are (%s cases)</translation>
    </message>
    <message>
        <source>大屏</source>
        <translation>Big screen</translation>
    </message>
    <message>
        <source>矛盾纠纷多元化解指挥中心</source>
        <translation>Dispute Resolution Command Center</translation>
    </message>
    <message>
        <source>红色风险事项</source>
        <translation>Red-risk cases</translation>
    </message>
    <message>
        <source>按 Esc 退出大屏 · 每分钟自动刷新</source>
        <translation>Press Esc to leave the big screen · refreshed every minute</translation>
    </message>
    <message>
        <source>刷新失败：</source>
        <translation>Refresh failed: </translation>
    </message>
    <message>
        <source>件</source>
        <translation>cases</translation>
    </message>
    <message>
        <source>在办红色风险事项 = %1（不限期间）</source>
        <translation>Open red-risk cases = %1 (any period)</translation>
    </message>
    <message>
        <source>更新于 %1</source>
        <translation>updated at %1</translation>
    </message>
    <message>
        <source>红色风险</source>
        <translation>Red risk</translation>
    </message>
    <message>
        <source>黄色风险</source>
        <translation>Yellow risk</translation>
    </message>
    <message>
        <source>绿色风险</source>
        <translation>Green risk</translation>
    </message>
    <message>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>年</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>点击查看对应事项（%1 件）</source>
        <translation>Click to see these cases (%1)</translation>
    </message>
    <message>
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>人民调解工作统计表（按所选期间、全部村社区统计）</source>
        <translation>People&apos;s mediation statistics (for the chosen period, all villages and communities)</translation>
    </message>
    <message>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>区域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>协议履行率</source>
        <translation>Agreements performed</translation>
    </message>
    <message>
        <source>申请司法确认</source>
        <translation>Apply for judicial confirmation</translation>
    </message>
    <message>
        <source>网格事件就地化解率</source>
        <translation>Grid events resolved on the spot</translation>
    </message>
    <message>
        <source>按事项类型</source>
        <translation>By type</translation>
    </message>
    <message>
        <source>按来源渠道</source>
        <translation>By channel</translation>
    </message>
    <message>
        <source>{m} 月</source>
        <translation>Month {m}</translation>
    </message>
    <message>
        <source>第 {q} 季度</source>
        <translation>Q{q}</translation>
    </message>
    <message>
        <source>矛盾纠纷类别（件）</source>
        <translation>Dispute categories (cases)</translation>
    </message>
    <message>
        <source>月度受理趋势（件）</source>
        <translation>Cases received by month</translation>
    </message>
    <message>
        <source>风险等级（件）</source>
        <translation>Risk levels (cases)</translation>
    </message>
    <message>
        <source>未办结事项最多的村（社区）</source>
        <translation>Villages (communities) with the most open cases</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; 天</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; days</translation>
    </message>
    <message>
        <source>来源渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>事项类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>导出统计报表</source>
        <translation>Export the statistical report</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>人民调解工作统计表</source>
        <translation>People&apos;s mediation statistics</translation>
    </message>
    <message>
        <source>已导出：{saved}</source>
        <translation>Exported: {saved}</translation>
    </message>
    <message>
        <source>统计图表所列的事项</source>
        <translation>The cases behind the chart</translation>
    </message>
    <message>
        <source>搜索“%s”</source>
        <translation>Search &quot;%s&quot;</translation>
    </message>
    <message>
        <source>类型：</source>
        <translation>Type: </translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status: </translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>类别：</source>
        <translation>Category: </translation>
    </message>
    <message>
        <source>风险：</source>
        <translation>Risk: </translation>
    </message>
    <message>
        <source>所选村（社区）</source>
        <translation>Chosen villages (communities)</translation>
    </message>
    <message>
        <source>登记日期 %s 至 %s</source>
        <translation>Registered %s to %s</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>全部事项</source>
        <translation>All cases</translation>
    </message>
    <message>
        <source>导出审批</source>
        <translation>Export approval</translation>
    </message>
    <message>
        <source>本次导出需要第二人审批：%s。
请另一位有导出权限的人员（如中心主任）在下面输入自己的用户名和密码。审批人和导出人都会记入审计日志。</source>
        <translation>This export needs a second person&apos;s approval: %s.
Another person allowed to export (such as the center director) enters their own user name and password below. Both the approver and the exporter are recorded in the audit trail.</translation>
    </message>
    <message>
        <source>审批人的用户名，例如 zhuren</source>
        <translation>The approver&apos;s user name, e.g. zhuren</translation>
    </message>
    <message>
        <source>审批人的密码</source>
        <translation>The approver&apos;s password</translation>
    </message>
    <message>
        <source>审批人用户名</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>审批人密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>审批并导出</source>
        <translation>Approve and export</translation>
    </message>
    <message>
        <source>请审批人输入自己的用户名和密码。</source>
        <translation>The approver enters their own user name and password.</translation>
    </message>
    <message>
        <source>导出事项列表</source>
        <translation>Export the case list</translation>
    </message>
    <message>
        <source>导出内容：%s（正在统计件数……）</source>
        <translation>Exporting: %s (counting…)</translation>
    </message>
    <message>
        <source>Excel 工作簿（.xlsx）</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>CSV 文本（.csv，UTF-8，Excel 可直接打开）</source>
        <translation>CSV text (.csv, UTF-8, opens in Excel)</translation>
    </message>
    <message>
        <source>附当事人身份证号（默认隐去中间位，如 3304**********0013）</source>
        <translation>Include the parties&apos; ID numbers (middle digits hidden, e.g. 3304**********0013)</translation>
    </message>
    <message>
        <source>显示完整身份证号（需第二人审批）</source>
        <translation>Full ID numbers (needs a second person&apos;s approval)</translation>
    </message>
    <message>
        <source>当前账号不能查看当事人信息，不能导出身份证号。</source>
        <translation>This account may not see the parties&apos; details and cannot export ID numbers.</translation>
    </message>
    <message>
        <source>点“选择…”指定保存位置</source>
        <translation>Click &quot;Choose…&quot; to say where to save</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>文件格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID numbers</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出内容：%s，共 %s 件，列与事项列表相同，按列表当前的排序。</source>
        <translation>Exporting: %s, %s cases, with the columns of the case list, in its current order.</translation>
    </message>
    <message>
        <source>当前列表没有事项，没有可导出的内容。请先调整筛选条件。</source>
        <translation>The list is empty: there is nothing to export. Change the filter first.</translation>
    </message>
    <message>
        <source>未能统计件数。</source>
        <translation>Could not count the cases.</translation>
    </message>
    <message>
        <source>需要第二人审批：%s。点“导出”后请审批人输入用户名和密码。</source>
        <translation>Needs a second person&apos;s approval: %s. After clicking &quot;Export&quot;, the approver enters their user name and password.</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已取消导出，没有生成文件。</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>可导入</source>
        <translation>OK to import</translation>
    </message>
    <message>
        <source>第 %s 行：%s。请在表格中改正后重新选择文件。</source>
        <translation>Row %s: %s. Correct it in the spreadsheet and choose the file again.</translation>
    </message>
    <message>
        <source>导入居民</source>
        <translation>Import residents</translation>
    </message>
    <message>
        <source>从 Excel（.xlsx）或 CSV 文件导入居民。表头须与模板一致：%s。先检查每一行，确认后才写入；取消则不做任何改动。</source>
        <translation>Import residents from an Excel (.xlsx) or CSV file. The header must match the template: %s. Every row is checked first and written only after you confirm; cancelling changes nothing.</translation>
    </message>
    <message>
        <source>尚未选择文件</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>保存模板…</source>
        <translation>Save templates…</translation>
    </message>
    <message>
        <source>把导入模板（Excel 和 CSV）保存到指定文件夹，照着填写</source>
        <translation>Save the import templates (Excel and CSV) into a folder, to fill in</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>请选择要导入的文件。</source>
        <translation>Choose the file to import.</translation>
    </message>
    <message>
        <source>只看有问题的行</source>
        <translation>Only rows with problems</translation>
    </message>
    <message>
        <source>只导入合格的行（不合格的行不导入，可改正后再导入）</source>
        <translation>Import only the valid rows (the others are left out; correct them and import later)</translation>
    </message>
    <message>
        <source>确认导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>Excel 或 CSV 文件 (*.xlsx *.csv)</source>
        <translation>Excel or CSV files (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>正在检查 %s ……</source>
        <translation>Checking %s…</translation>
    </message>
    <message>
        <source>正在检查文件</source>
        <translation>Checking the file</translation>
    </message>
    <message>
        <source>正在读取 %s ……</source>
        <translation>Reading %s…</translation>
    </message>
    <message>
        <source>文件中没有数据行（只有表头）。请填写后再导入。</source>
        <translation>The file has no data rows (only the header). Fill it in, then import.</translation>
    </message>
    <message>
        <source>共 %s 行：&lt;b&gt;%s 行可导入&lt;/b&gt;，&lt;span style=&apos;color:#d93025&apos;&gt;&lt;b&gt;%s 行有问题&lt;/b&gt;&lt;/span&gt;（标红的行，原因见“检查结果”列）。请改正文件后重新选择，或勾选左下角“只导入合格的行”。</source>
        <translation>%s rows: &lt;b&gt;%s can be imported&lt;/b&gt;, &lt;span style=&apos;color:#d93025&apos;&gt;&lt;b&gt;%s have problems&lt;/b&gt;&lt;/span&gt; (the red rows; the reason is in the Check column). Correct the file and choose it again, or tick &quot;Import only the valid rows&quot; at the bottom left.</translation>
    </message>
    <message>
        <source>共 %s 行，全部可导入。</source>
        <translation>%s rows, all can be imported.</translation>
    </message>
    <message>
        <source>未能读取文件。</source>
        <translation>Could not read the file.</translation>
    </message>
    <message>
        <source>确认导入 %s 位居民</source>
        <translation>Import %s residents</translation>
    </message>
    <message>
        <source>有不合格的行：请改正文件后重新选择，或勾选“只导入合格的行”。</source>
        <translation>Some rows are not valid: correct the file and choose it again, or tick &quot;Import only the valid rows&quot;.</translation>
    </message>
    <message>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>正在导入 %s 位居民……</source>
        <translation>Importing %s residents…</translation>
    </message>
    <message>
        <source>保存模板到文件夹</source>
        <translation>Save the templates to a folder</translation>
    </message>
    <message>
        <source>模板未能保存：%s。请换一个文件夹。</source>
        <translation>The templates could not be saved: %s. Choose another folder.</translation>
    </message>
    <message>
        <source>已保存模板 %s 到 %s。</source>
        <translation>Saved the templates %s to %s.</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>未连接县级服务器（仅本机）</source>
        <translation>Not connected to the county server (this PC only)</translation>
    </message>
    <message>
        <source>在“文件 → 设置 → 同步”中注册后，数据会自动同步到县里。</source>
        <translation>Once enrolled in File → Settings → Sync, the data is synced with the county automatically.</translation>
    </message>
    <message>
        <source>本机已被县里停用，不再同步</source>
        <translation>The county has disabled this PC; it no longer syncs</translation>
    </message>
    <message>
        <source>本机未同步的数据都保存在本地。请联系县综治中心。</source>
        <translation>The data not yet synced is kept on this PC. Contact the county center.</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>同步出错</source>
        <translation>Sync error</translation>
    </message>
    <message>
        <source>上次同步 %s</source>
        <translation>Last synced %s</translation>
    </message>
    <message>
        <source>尚未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>待上传 %s 条</source>
        <translation>%s to upload</translation>
    </message>
    <message>
        <source>%s 处冲突待处理</source>
        <translation>%s conflicts to review</translation>
    </message>
    <message>
        <source>%s 条县级指令未签收</source>
        <translation>%s county instructions not acknowledged</translation>
    </message>
    <message>
        <source>服务器：%s</source>
        <translation>Server: %s</translation>
    </message>
    <message>
        <source>%s 条被拒收</source>
        <translation>%s refused</translation>
    </message>
    <message>
        <source>电脑时间偏差约 %s 分钟，请校准</source>
        <translation>This PC&apos;s clock is off by about %s minutes; please correct it</translation>
    </message>
    <message>
        <source>同步不受影响（同步不靠电脑时间排序），但登记时间会不准。</source>
        <translation>Sync is not affected (it does not order by the clock), but registration times will be wrong.</translation>
    </message>
    <message>
        <source>app</source>
        <comment>govdesk 已在运行</comment>
        <translation>app</translation>
    </message>
    <message>
        <source>app</source>
        <comment>无法打开数据</comment>
        <translation>app</translation>
    </message>
    <message>
        <source>app</source>
        <comment>无法登录</comment>
        <translation>app</translation>
    </message>
    <message>
        <source>app</source>
        <comment>数据库已升级到新版本，升级前的备份在 %s</comment>
        <translation>app</translation>
    </message>
    <message>
        <source>app</source>
        <comment>已完成今天的自动备份。</comment>
        <translation>app</translation>
    </message>
    <message>
        <source>app</source>
        <comment>今天的自动备份没有完成：%s</comment>
        <translation>app</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>版本 %s</source>
        <translation>Version %s</translation>
    </message>
    <message>
        <source>数据目录：%s</source>
        <translation>Data directory: %s</translation>
    </message>
</context>
<context>
    <name>Action</name>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>指派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>调查记录</source>
        <translation>Investigation record</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Mediation record</translation>
    </message>
    <message>
        <source>达成书面协议</source>
        <translation>Written agreement</translation>
    </message>
    <message>
        <source>登记口头协议</source>
        <translation>Record an oral agreement</translation>
    </message>
    <message>
        <source>调解终止</source>
        <translation>End mediation</translation>
    </message>
    <message>
        <source>登记签名</source>
        <translation>Record a signature</translation>
    </message>
    <message>
        <source>加盖公章</source>
        <translation>Affix the seal</translation>
    </message>
    <message>
        <source>申请司法确认</source>
        <translation>Apply for judicial confirmation</translation>
    </message>
    <message>
        <source>司法确认结果</source>
        <translation>Judicial confirmation result</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up visit</translation>
    </message>
    <message>
        <source>订立补充协议</source>
        <translation>Supplementary agreement</translation>
    </message>
    <message>
        <source>交办部门</source>
        <translation>Refer to a department</translation>
    </message>
    <message>
        <source>部门签收</source>
        <translation>Department receives</translation>
    </message>
    <message>
        <source>部门报结</source>
        <translation>Department reports</translation>
    </message>
    <message>
        <source>确认办理结果</source>
        <translation>Confirm the result</translation>
    </message>
    <message>
        <source>退回重办</source>
        <translation>Send back</translation>
    </message>
    <message>
        <source>办理完毕</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>就地化解</source>
        <translation>Resolve on the spot</translation>
    </message>
    <message>
        <source>上报县级</source>
        <translation>Escalate to the county</translation>
    </message>
    <message>
        <source>县级督办</source>
        <translation>County instruction</translation>
    </message>
    <message>
        <source>反馈群众</source>
        <translation>Feedback to the citizen</translation>
    </message>
    <message>
        <source>结案/办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>立卷归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>调整风险等级</source>
        <translation>Change risk level</translation>
    </message>
    <message>
        <source>报告公安</source>
        <translation>Report to the police</translation>
    </message>
    <message>
        <source>更正记录</source>
        <translation>Correct a record</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>确认要进行“%s”吗？</source>
        <translation>Go ahead with &quot;%s&quot;?</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>多人用“、”隔开</source>
        <translation>Separate several names with commas</translation>
    </message>
    <message>
        <source>不填</source>
        <translation>none</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>（已签）</source>
        <translation> (signed)</translation>
    </message>
</context>
<context>
    <name>ActionForm</name>
    <message>
        <source>义务人</source>
        <translation>Obligor</translation>
    </message>
    <message>
        <source>权利人</source>
        <translation>Obligee</translation>
    </message>
    <message>
        <source>履行内容</source>
        <translation>What is to be done</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>履行期限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>履行方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>履行地点</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>书面申请</source>
        <translation>Written application</translation>
    </message>
    <message>
        <source>口头申请</source>
        <translation>Oral application</translation>
    </message>
    <message>
        <source>主动调解</source>
        <translation>On the committee&apos;s initiative</translation>
    </message>
    <message>
        <source>按规则自动评定</source>
        <translation>By the rules (automatic)</translation>
    </message>
    <message>
        <source>红色</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>黄色</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>绿色</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>确认有效</source>
        <translation>Confirmed valid</translation>
    </message>
    <message>
        <source>驳回申请</source>
        <translation>Application rejected</translation>
    </message>
    <message>
        <source>（不变）</source>
        <translation>(unchanged)</translation>
    </message>
    <message>
        <source>已履行</source>
        <translation>Performed</translation>
    </message>
    <message>
        <source>部分履行</source>
        <translation>Partly performed</translation>
    </message>
    <message>
        <source>未履行</source>
        <translation>Not performed</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>多位调解员用“、”隔开</source>
        <translation>Separate several mediators with commas</translation>
    </message>
    <message>
        <source>申请方式</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>已告知当事人权利义务</source>
        <translation>The parties were told their rights and duties</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>不予受理的理由</source>
        <translation>Reason for refusing</translation>
    </message>
    <message>
        <source>当事人明确拒绝调解</source>
        <translation>A party clearly refuses mediation</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>Handlers</translation>
    </message>
    <message>
        <source>多人用“、”隔开</source>
        <translation>Separate several names with commas</translation>
    </message>
    <message>
        <source>调查内容</source>
        <translation>What was investigated</translation>
    </message>
    <message>
        <source>调查时间</source>
        <translation>When</translation>
    </message>
    <message>
        <source>调查地点</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>被调查人</source>
        <translation>Person questioned</translation>
    </message>
    <message>
        <source>参加人</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>调解过程</source>
        <translation>Course of the mediation</translation>
    </message>
    <message>
        <source>调解时间</source>
        <translation>When</translation>
    </message>
    <message>
        <source>调解地点</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>到场人员</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>调解结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>争议事项</source>
        <translation>Matters in dispute</translation>
    </message>
    <message>
        <source>各方责任</source>
        <translation>Responsibilities of each party</translation>
    </message>
    <message>
        <source>纠纷主要事实</source>
        <translation>Main facts of the dispute</translation>
    </message>
    <message>
        <source>不填则用登记时的事实经过</source>
        <translation>Left blank: the facts given at registration</translation>
    </message>
    <message>
        <source>履行事项</source>
        <translation>Obligations</translation>
    </message>
    <message>
        <source>协议日期</source>
        <translation>Date of the agreement</translation>
    </message>
    <message>
        <source>协议份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>不填则为当事人数加一</source>
        <translation>Left blank: one per party plus one</translation>
    </message>
    <message>
        <source>口头协议内容</source>
        <translation>What was agreed orally</translation>
    </message>
    <message>
        <source>调解不成的原因</source>
        <translation>Why mediation failed</translation>
    </message>
    <message>
        <source>已告知的其他途径</source>
        <translation>Other channels the parties were told of</translation>
    </message>
    <message>
        <source>告知日期</source>
        <translation>Told on</translation>
    </message>
    <message>
        <source>签署人类别</source>
        <translation>Who signs</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>签署人姓名</source>
        <translation>Name of the signer</translation>
    </message>
    <message>
        <source>签署方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>签署时间</source>
        <translation>When</translation>
    </message>
    <message>
        <source>受理法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>例如：某某县人民法院</source>
        <translation>e.g. XX County People&apos;s Court</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>确认结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>裁定日期</source>
        <translation>Ruling date</translation>
    </message>
    <message>
        <source>法院案号</source>
        <translation>Court case number</translation>
    </message>
    <message>
        <source>履行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>回访对象</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>是否起诉及结果</source>
        <translation>Lawsuit filed, and its outcome</translation>
    </message>
    <message>
        <source>有无激化苗头</source>
        <translation>Signs of escalation</translation>
    </message>
    <message>
        <source>采取的措施</source>
        <translation>Measures taken</translation>
    </message>
    <message>
        <source>补充或变更的事项</source>
        <translation>What is added or changed</translation>
    </message>
    <message>
        <source>例如：原协议第二项的履行期限延长至2027年1月31日</source>
        <translation>e.g. the deadline of item 2 of the agreement is extended to 31 January 2027</translation>
    </message>
    <message>
        <source>不填则沿用原协议</source>
        <translation>Left blank: as in the agreement</translation>
    </message>
    <message>
        <source>不填则与原协议相同</source>
        <translation>Left blank: as many as the agreement</translation>
    </message>
    <message>
        <source>承办部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <source>按职责清单建议，可修改</source>
        <translation>Suggested from the responsibility list; may be changed</translation>
    </message>
    <message>
        <source>配合部门</source>
        <translation>Cooperating departments</translation>
    </message>
    <message>
        <source>交办要求</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>签收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>不填则记为当前用户</source>
        <translation>Left blank: the signed-in user</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>确认意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>退回原因</source>
        <translation>Why it is sent back</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>处置情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>上报原因</source>
        <translation>Why it is escalated</translation>
    </message>
    <message>
        <source>上报对象</source>
        <translation>Escalated to</translation>
    </message>
    <message>
        <source>不填则为县综治中心</source>
        <translation>Left blank: the county center</translation>
    </message>
    <message>
        <source>涉及群体性上访</source>
        <translation>Involves a group petition</translation>
    </message>
    <message>
        <source>督办要求</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>督办单位</source>
        <translation>From</translation>
    </message>
    <message>
        <source>督办期限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>反馈内容</source>
        <translation>Feedback given</translation>
    </message>
    <message>
        <source>反馈对象</source>
        <translation>Given to</translation>
    </message>
    <message>
        <source>群众满意度</source>
        <translation>Citizen&apos;s satisfaction</translation>
    </message>
    <message>
        <source>群众已确认</source>
        <translation>The citizen confirmed</translation>
    </message>
    <message>
        <source>撤回原因</source>
        <translation>Why it is withdrawn</translation>
    </message>
    <message>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <source>调整理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>按规则自动评定时可不填</source>
        <translation>Not needed when the rules decide</translation>
    </message>
    <message>
        <source>报告的公安机关</source>
        <translation>Police station informed</translation>
    </message>
    <message>
        <source>例如：某某派出所</source>
        <translation>e.g. XX Police Station</translation>
    </message>
    <message>
        <source>可能激化的情形</source>
        <translation>How it might escalate</translation>
    </message>
    <message>
        <source>已采取的预防措施</source>
        <translation>Preventive measures taken</translation>
    </message>
    <message>
        <source>要更正的记录</source>
        <translation>Record to correct</translation>
    </message>
    <message>
        <source>更正后的内容</source>
        <translation>Corrected content</translation>
    </message>
    <message>
        <source>更正原因</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <source>受理后开始计算调解期限（一个月）。</source>
        <translation>Accepting starts the mediation deadline (one month).</translation>
    </message>
    <message>
        <source>保存后还需各方当事人、调解员签名并加盖调委会印章，协议才生效。</source>
        <translation>After saving, every party and the mediator must sign and the committee&apos;s seal must be affixed before the agreement takes effect.</translation>
    </message>
    <message>
        <source>加盖人民调解委员会印章。各方签名齐全并盖章后，协议生效并锁定，不能再修改。</source>
        <translation>Affix the people&apos;s mediation committee&apos;s seal. Once everyone has signed and the seal is affixed, the agreement takes effect and is locked: it can no longer be changed.</translation>
    </message>
    <message>
        <source>已生效的协议不能修改，变更或补充以补充协议办理：原协议及其日期不变，补充协议另行编号，保存后同样需要各方当事人、调解员签名并加盖调委会印章才生效。</source>
        <translation>An agreement in effect cannot be changed; changes and additions are made by a supplementary agreement: the original agreement and its dates stay as they are, the supplement gets its own number, and it too takes effect only after every party and the mediator have signed and the committee&apos;s seal is affixed.</translation>
    </message>
    <message>
        <source>结案前会检查卷宗是否齐全（受理、调解记录、协议签名、回访）。</source>
        <translation>Closing first checks that the dossier is complete (acceptance, mediation records, signatures on the agreement, follow-up).</translation>
    </message>
    <message>
        <source>归档后事项不能再办理。</source>
        <translation>An archived case cannot be worked on any more.</translation>
    </message>
    <message>
        <source>记录不能修改；更正会作为一条新记录追加在时间线上。</source>
        <translation>Records cannot be changed; a correction is added to the timeline as a new entry.</translation>
    </message>
    <message>
        <source>仲裁</source>
        <translation>Arbitration</translation>
    </message>
    <message>
        <source>行政</source>
        <translation>Administrative</translation>
    </message>
    <message>
        <source>司法（诉讼）</source>
        <translation>Judicial (lawsuit)</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>待履行</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>纸面签名</source>
        <translation>Signed on paper</translation>
    </message>
    <message>
        <source>按指印</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>盖章</source>
        <translation>Seal</translation>
    </message>
    <message>
        <source>电子签名图像</source>
        <translation>Signature image</translation>
    </message>
</context>
<context>
    <name>AgreementCard</name>
    <message>
        <source>申请司法确认的期限已过（%1）</source>
        <translation>The deadline to apply for judicial confirmation has passed (%1)</translation>
    </message>
    <message>
        <source>⚠ 申请司法确认只剩 %1 天（最后一天 %2）</source>
        <translation>⚠ Only %1 days left to apply for judicial confirmation (last day %2)</translation>
    </message>
    <message>
        <source>口头协议</source>
        <translation>Oral agreement</translation>
    </message>
    <message>
        <source>补充协议</source>
        <translation>Supplementary agreement</translation>
    </message>
    <message>
        <source>书面调解协议</source>
        <translation>Written mediation agreement</translation>
    </message>
    <message>
        <source>已生效（%1），已锁定</source>
        <translation>In effect (%1), locked</translation>
    </message>
    <message>
        <source>尚未生效</source>
        <translation>Not yet in effect</translation>
    </message>
    <message>
        <source>内容：</source>
        <translation>Content: </translation>
    </message>
    <message>
        <source>争议事项：</source>
        <translation>Matters in dispute: </translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 元</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <source>%1 前</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>印章</source>
        <translation>seal</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1（%2，%3）</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>还需签署：</source>
        <translation>Still to sign: </translation>
    </message>
    <message>
        <source>申请司法确认的最后一天：%1</source>
        <translation>Last day to apply for judicial confirmation: %1</translation>
    </message>
    <message>
        <source>已于 %1 向%2申请</source>
        <translation>applied to %2 on %1</translation>
    </message>
    <message>
        <source>已确认有效</source>
        <translation>confirmed valid</translation>
    </message>
    <message>
        <source>申请被驳回</source>
        <translation>application rejected</translation>
    </message>
</context>
<context>
    <name>AnonymiseDialog</name>
    <message>
        <source>个人信息匿名化</source>
        <translation>Anonymise personal information</translation>
    </message>
    <message>
        <source>在法律允许删除时（如本人申请且事项均已办结），把此人的姓名、身份证号、联系电话、出生日期和住址替换为占位内容。此人参与的事项照常保留，统计数字不变。
请注意：事项标题、事实经过等文字中写到的姓名不会自动改动；已签署的协议、笔录、签名和审计记录按档案管理规定保留；备份中的旧数据会随备份轮换（最长约一年）消除。匿名化不能撤销。</source>
        <translation>Where the law allows deletion (e.g. the person asks and all their cases are closed), this person&apos;s name, ID number, phone number, date of birth and address are replaced with placeholders. Their cases stay, and the statistics do not change.
Note: names written in case titles, facts and other text are not changed automatically; signed agreements, records, signatures and the audit trail are kept as the archive rules require; old data in backups disappears as the backups rotate (at most about a year). Anonymisation cannot be undone.</translation>
    </message>
    <message>
        <source>例如：本人书面申请删除个人信息，事项均已办结</source>
        <translation>e.g. written request by the person to delete their information; all cases closed</translation>
    </message>
    <message>
        <source>我已核实申请人身份和申请材料，确认匿名化（不能撤销）</source>
        <translation>I have checked the applicant&apos;s identity and documents and confirm the anonymisation (cannot be undone)</translation>
    </message>
    <message>
        <source>人员：</source>
        <translation>Person: </translation>
    </message>
    <message>
        <source>理由（必填）：</source>
        <translation>Reason (required): </translation>
    </message>
    <message>
        <source>匿名化</source>
        <translation>Anonymise</translation>
    </message>
    <message>
        <source>等</source>
        <translation> and more</translation>
    </message>
    <message>
        <source>现在不能匿名化：此人还是 %1 件未办结事项的当事人：%2。办理中还需要核实身份、联系当事人，请在这些事项办结或归档后再处理。</source>
        <translation>Cannot anonymise now: this person is a party to %1 open cases: %2. Their identity and contact details are still needed to handle them; do this after those cases are closed or archived.</translation>
    </message>
</context>
<context>
    <name>Attachment</name>
    <message>
        <source>签字协议扫描件</source>
        <translation>Scan of the signed agreement</translation>
    </message>
    <message>
        <source>签名图像</source>
        <translation>Signature image</translation>
    </message>
    <message>
        <source>扫描件</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>PNG 图片</source>
        <translation>PNG image</translation>
    </message>
    <message>
        <source>JPEG 图片</source>
        <translation>JPEG image</translation>
    </message>
</context>
<context>
    <name>AttachmentsView</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>添加时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>这个事项还没有附件。可以添加签字协议的扫描件或照片。</source>
        <translation>This case has no attachments yet. You can add a scan of the signed agreement, or photos.</translation>
    </message>
    <message>
        <source>添加扫描件…</source>
        <translation>Add a scan…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>添加扫描件</source>
        <translation>Add a scan</translation>
    </message>
    <message>
        <source>扫描件或照片 (*.pdf *.png *.jpg *.jpeg);;所有文件 (*)</source>
        <translation>Scans or photos (*.pdf *.png *.jpg *.jpeg);;All files (*)</translation>
    </message>
    <message>
        <source>无法打开附件：%1。</source>
        <translation>Cannot open the attachment: %1.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>哈希链在这条记录处断开：它或它前面的记录被改动、删除、插入或调换了顺序。</source>
        <translation>The hash chain breaks at this entry: it or an entry before it was changed, deleted, inserted or reordered.</translation>
    </message>
</context>
<context>
    <name>AuditViewerDialog</name>
    <message>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>转到出问题的记录</source>
        <translation>Go to the broken entry</translation>
    </message>
    <message>
        <source>重新校验</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>事项编号、文件名或对象编号</source>
        <translation>Case number, file name or object number</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>清除条件</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>选择一条记录，这里显示它的全部内容（包括修改前后的值）。</source>
        <translation>Select an entry to see all of it here (including the values before and after a change).</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>导出筛选结果（CSV）…</source>
        <translation>Export the results (CSV)…</translation>
    </message>
    <message>
        <source>导出符合当前条件的全部记录（所有页），导出本身也会记入审计记录。</source>
        <translation>Exports every entry matching the current filter (all pages); the export itself is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>审计记录只能查看和导出，任何人（包括系统管理员）都不能修改或删除。时间为北京时间。</source>
        <translation>The audit trail can only be read and exported; nobody (not even the administrator) can change or delete it. Times are Beijing time.</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>事项办理（全部环节）</source>
        <translation>Case handling (every step)</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>没有符合条件的审计记录。</source>
        <translation>No audit entries match.</translation>
    </message>
    <message>
        <source>第 %1/%2 页，共 %3 条（最新的在前）</source>
        <translation>Page %1 of %2, %3 entries (newest first)</translation>
    </message>
    <message>
        <source>第 %s 条</source>
        <translation>Entry %s</translation>
    </message>
    <message>
        <source>事件：</source>
        <translation>Event: </translation>
    </message>
    <message>
        <source>结果：</source>
        <translation>Outcome: </translation>
    </message>
    <message>
        <source>对象：</source>
        <translation>Object: </translation>
    </message>
    <message>
        <source>正在校验审计记录的哈希链……</source>
        <translation>Checking the audit trail&apos;s hash chain…</translation>
    </message>
    <message>
        <source>哈希链校验通过：共 %s 条审计记录，没有发现被修改、删除、插入或调换顺序的记录。</source>
        <translation>Hash chain intact: %s audit entries, none changed, deleted, inserted or reordered.</translation>
    </message>
    <message>
        <source>哈希链校验未通过，审计记录可能被人改动过：</source>
        <translation>The hash chain is broken; the audit trail may have been tampered with: </translation>
    </message>
    <message>
        <source>；另有 %s 处问题</source>
        <translation>; %s more problems</translation>
    </message>
    <message>
        <source>。出问题的记录在表中标为红色。请保留现状，立即报告中心主任和县里的技术支持。</source>
        <translation>. The broken entries are marked red in the table. Leave everything as it is and report it at once to the center director and the county&apos;s technical support.</translation>
    </message>
    <message>
        <source>导出审计记录</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>文件没有保存：%1（%2）。请换一个文件夹或文件名再导出。</source>
        <translation>The file was not saved: %1 (%2). Choose another folder or file name and export again.</translation>
    </message>
    <message>
        <source>已导出 %1 条记录到 %2</source>
        <translation>Exported %1 entries to %2</translation>
    </message>
</context>
<context>
    <name>BackupRestoreDialog</name>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>备份保存在 %s。每份备份在写好后都经过校验；损坏的备份不能用于恢复。</source>
        <translation>Backups are kept in %s. Each backup is checked right after it is written; a damaged backup cannot be used to restore.</translation>
    </message>
    <message>
        <source>备份时间</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>校验结果</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <source>只有系统管理员可以从备份恢复。</source>
        <translation>Only the administrator can restore from a backup.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>恢复所选备份会怎样：</source>
        <translation>What restoring the selected backup does:</translation>
    </message>
    <message>
        <source>正在读取并校验备份……</source>
        <translation>Reading and checking the backups…</translation>
    </message>
    <message>
        <source>完好</source>
        <translation>Intact</translation>
    </message>
    <message>
        <source>不能使用：%s</source>
        <translation>Unusable: %s</translation>
    </message>
    <message>
        <source>还没有备份。点“立即备份”做第一份。</source>
        <translation>No backups yet. Click &quot;Back up now&quot; to make the first one.</translation>
    </message>
    <message>
        <source>还没有备份。请系统管理员或中心主任做一份备份。</source>
        <translation>No backups yet. Ask the administrator or the center director to make one.</translation>
    </message>
    <message>
        <source>共 %s 份备份。</source>
        <translation>%s backups.</translation>
    </message>
    <message>
        <source>选择一份备份，这里说明恢复它会失去哪些内容。</source>
        <translation>Select a backup to see here what restoring it would lose.</translation>
    </message>
    <message>
        <source>这份备份不能用于恢复：%s。请选择其他备份。</source>
        <translation>This backup cannot be used to restore: %s. Choose another backup.</translation>
    </message>
    <message>
        <source>正在统计备份之后录入的内容……</source>
        <translation>Counting what was entered after the backup…</translation>
    </message>
    <message>
        <source>正在备份并校验……</source>
        <translation>Backing up and checking…</translation>
    </message>
    <message>
        <source>已备份并校验：%s</source>
        <translation>Backed up and checked: %s</translation>
    </message>
    <message>
        <source>已恢复到 %s 的备份。恢复前的数据已另存，没有删除。</source>
        <translation>Restored to the backup of %s. The data from before the restore was saved, not deleted.</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>批量打印调解协议书</source>
        <translation>Batch print mediation agreements</translation>
    </message>
    <message>
        <source>生成所选月份内达成的全部书面调解协议书（每份协议按份数含全部原件），保存为 PDF 文件，再用 PDF 阅读器或本程序的打印预览打印。已出具过的协议保留原编号，标注“副本”。</source>
        <translation>Makes every written mediation agreement reached in the chosen month (each with all its originals) as PDF files, to print from a PDF reader or this program&apos;s print preview. Agreements issued before keep their numbers and are marked &quot;copy&quot;.</translation>
    </message>
    <message>
        <source>yyyy年MM月</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>协议达成月份</source>
        <translation>Month of the agreements</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <source>开始生成</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>请先选择保存的文件夹。</source>
        <translation>Choose the folder to save to first.</translation>
    </message>
    <message>
        <source>正在生成 %1 的调解协议书……</source>
        <translation>Making the mediation agreements of %1…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>批量打印</source>
        <translation>Batch print</translation>
    </message>
    <message>
        <source>已取消。取消前已完成的 %1 份保存在 %2（已出具的保留编号）。</source>
        <translation>Cancelled. The %1 finished before cancelling are in %2 (issued ones keep their numbers).</translation>
    </message>
    <message>
        <source>%1 没有达成书面调解协议的纠纷，没有生成文件。</source>
        <translation>No dispute reached a written agreement in %1; no files were made.</translation>
    </message>
    <message>
        <source>已生成 %1 份调解协议书（新出具 %2 份，重印副本 %3 份），保存在 %4。</source>
        <translation>Made %1 mediation agreements (%2 newly issued, %3 reprinted as copies), saved in %4.</translation>
    </message>
    <message>
        <source>跳过 %1 件：</source>
        <translation>Skipped %1: </translation>
    </message>
    <message>
        <source>注意：</source>
        <translation>Note: </translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>事项详情</source>
        <translation>Case details</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <source>在列表中选择一个事项，这里显示它的详情。</source>
        <translation>Select a case in the list to see its details here.</translation>
    </message>
    <message>
        <source>打印文书</source>
        <translation>Print documents</translation>
    </message>
    <message>
        <source>签名…</source>
        <translation>Signature…</translation>
    </message>
    <message>
        <source>在签名板上签名，签名图像存为附件并登记到协议</source>
        <translation>Sign on the signature pad; the image is kept as an attachment and recorded on the agreement</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>风险依据</source>
        <translation>Why this risk</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>Handlers</translation>
    </message>
    <message>
        <source>五个第一</source>
        <translation>Five firsts</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreements</translation>
    </message>
    <message>
        <source>交办部门</source>
        <translation>Refer to a department</translation>
    </message>
    <message>
        <source>基本情况</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>来源渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>登记备注</source>
        <translation>Registration note</translation>
    </message>
    <message>
        <source>发生日期</source>
        <translation>Occurred on</translation>
    </message>
    <message>
        <source>涉及人数</source>
        <translation>People involved</translation>
    </message>
    <message>
        <source>涉及金额</source>
        <translation>Amount involved</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>最后修改</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>发生地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>坐标</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>事实经过</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>当事人诉求</source>
        <translation>Parties&apos; claims</translation>
    </message>
    <message>
        <source>附件（签字材料、扫描件、照片）</source>
        <translation>Attachments (signed papers, scans, photos)</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>%s预警</source>
        <translation>%s warning</translation>
    </message>
    <message>
        <source>%s 元</source>
        <translation>%s yuan</translation>
    </message>
    <message>
        <source>纬度 %1，经度 %2</source>
        <translation>latitude %1, longitude %2</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>%s 人</source>
        <translation>%s people</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>未触发预警规则</source>
        <translation>No warning rule applies</translation>
    </message>
    <message>
        <source>已超期 %s 天</source>
        <translation>%s days overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>还有 %s 天</source>
        <translation>%s days left</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>未指定</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <source>第一时间发现</source>
        <translation>First discovered</translation>
    </message>
    <message>
        <source>第一时间受理</source>
        <translation>First accepted</translation>
    </message>
    <message>
        <source>第一时间化解</source>
        <translation>First resolved</translation>
    </message>
    <message>
        <source>第一时间确认</source>
        <translation>First confirmed</translation>
    </message>
    <message>
        <source>第一时间反馈</source>
        <translation>First feedback</translation>
    </message>
    <message>
        <source>未登记当事人</source>
        <translation>No parties registered</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>统一社会信用代码：</source>
        <translation>Unified social credit code: </translation>
    </message>
    <message>
        <source>法定代表人/负责人：</source>
        <translation>Legal representative: </translation>
    </message>
    <message>
        <source>出生 %s</source>
        <translation>born %s</translation>
    </message>
    <message>
        <source>身份证号：</source>
        <translation>ID number: </translation>
    </message>
    <message>
        <source>电话：</source>
        <translation>Phone: </translation>
    </message>
    <message>
        <source>住址：</source>
        <translation>Address: </translation>
    </message>
    <message>
        <source>显示完整身份证号</source>
        <translation>Show the full ID number</translation>
    </message>
    <message>
        <source>显示完整电话</source>
        <translation>Show the full phone number</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>搜索标题、当事人、地点、事实（支持1–2个字）</source>
        <translation>Search titles, parties, places, facts (1–2 characters are enough)</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部村（社区）</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>全部风险</source>
        <translation>All risks</translation>
    </message>
    <message>
        <source>全部期限</source>
        <translation>All deadlines</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>期限：全部 / 已超期 / 即将到期</source>
        <translation>Deadline: all / overdue / due soon</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>重置</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>清除搜索和全部筛选条件</source>
        <translation>Clear the search and every filter</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>这一列不能排序</source>
        <translation>This column cannot be sorted</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>婚姻家庭</source>
        <translation>Marriage and family</translation>
    </message>
    <message>
        <source>邻里</source>
        <translation>Neighbours</translation>
    </message>
    <message>
        <source>房屋宅基地</source>
        <translation>Housing and homestead</translation>
    </message>
    <message>
        <source>合同</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>生产经营</source>
        <translation>Production and business</translation>
    </message>
    <message>
        <source>损害赔偿</source>
        <translation>Damages</translation>
    </message>
    <message>
        <source>山林土地</source>
        <translation>Forest and land</translation>
    </message>
    <message>
        <source>征地拆迁</source>
        <translation>Land requisition and demolition</translation>
    </message>
    <message>
        <source>环境污染</source>
        <translation>Environmental pollution</translation>
    </message>
    <message>
        <source>劳动争议</source>
        <translation>Labour dispute</translation>
    </message>
    <message>
        <source>消费</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <source>医疗</source>
        <translation>Medical</translation>
    </message>
    <message>
        <source>道路交通事故</source>
        <translation>Road traffic accident</translation>
    </message>
    <message>
        <source>物业</source>
        <translation>Property management</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>当事人申请</source>
        <translation>Application by a party</translation>
    </message>
    <message>
        <source>主动调解</source>
        <translation>On the committee&apos;s initiative</translation>
    </message>
    <message>
        <source>网格员上报</source>
        <translation>Reported by a grid officer</translation>
    </message>
    <message>
        <source>12345热线转办</source>
        <translation>Referred by the 12345 hotline</translation>
    </message>
    <message>
        <source>部门移送</source>
        <translation>Transferred by a department</translation>
    </message>
    <message>
        <source>扫码/网上反映</source>
        <translation>QR code / online</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>同一处内容在两台电脑（或县里）被改成了不同的值。现在各处显示“当前值”；请逐条确认保留哪一个。另一个值一直保存在这里，不会丢失。</source>
        <translation>The same item was changed to different values on two PCs (or at the county). Everywhere now shows the &quot;current value&quot;; confirm one by one which to keep. The other value is kept here and is never lost.</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>当前值（各处已采用）</source>
        <translation>Current value (in use everywhere)</translation>
    </message>
    <message>
        <source>另一个值（未采用）</source>
        <translation>Other value (not in use)</translation>
    </message>
    <message>
        <source>另一个值来自</source>
        <translation>Other value from</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No conflicts to review.</translation>
    </message>
    <message>
        <source>保留当前值</source>
        <translation>Keep the current value</translation>
    </message>
    <message>
        <source>改用另一个值</source>
        <translation>Use the other value</translation>
    </message>
</context>
<context>
    <name>DocumentMenu</name>
    <message>
        <source>打印文书</source>
        <translation>Print documents</translation>
    </message>
    <message>
        <source>（这个事项没有可打印的文书）</source>
        <translation>(no documents to print for this case)</translation>
    </message>
    <message>
        <source>（请先选择一个事项）</source>
        <translation>(select a case first)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>欢迎使用 govdesk</source>
        <translation>Welcome to govdesk</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>完成设置</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>欢迎使用 govdesk 综治中心工作台</source>
        <translation>Welcome to govdesk, the governance center desk</translation>
    </message>
    <message>
        <source>这台电脑上还没有数据，先做几项设置，几分钟就好。</source>
        <translation>There is no data on this PC yet: a few settings first, it takes a few minutes.</translation>
    </message>
    <message>
        <source>govdesk 帮助乡镇（街道）综治中心和人民调解委员会登记矛盾纠纷、投诉、求助等事项，跟踪调解和办理过程。数据保存在本机，不联网也能使用，联网后可与县级平台同步。</source>
        <translation>govdesk helps township (street) governance centers and people&apos;s mediation committees register disputes, complaints, requests for help and other matters, and follow their mediation and handling. The data stays on this PC and works without a network; when online it syncs with the county platform.</translation>
    </message>
    <message>
        <source>请选择：</source>
        <translation>Choose:</translation>
    </message>
    <message>
        <source>设置本中心（正式使用）</source>
        <translation>Set up this center (real work)</translation>
    </message>
    <message>
        <source>填写本中心名称和乡镇（街道）行政区划代码，建立系统管理员账号，从空白开始登记。</source>
        <translation>Enter this center&apos;s name and the township&apos;s division code, create the administrator account, and start from an empty register.</translation>
    </message>
    <message>
        <source>载入演示乡镇（培训、熟悉软件）</source>
        <translation>Load the demo township (training, getting to know the program)</translation>
    </message>
    <message>
        <source>虚构的荷塘镇：约5000件事项、12个村（社区）、3万名居民。演示数据不要用于正式工作。</source>
        <translation>The fictional Hetang township: about 5,000 cases, 12 villages and communities, 30,000 residents. Do not use the demo data for real work.</translation>
    </message>
    <message>
        <source>数据目录：%s</source>
        <translation>Data directory: %s</translation>
    </message>
    <message>
        <source>中心信息</source>
        <translation>The center</translation>
    </message>
    <message>
        <source>本中心的名称和所在乡镇（街道）的行政区划代码。代码用于事项编号和与县级平台同步，设置后不能更改。</source>
        <translation>The center&apos;s name and the administrative division code of its township (street). The code goes into every case number and the sync with the county; it cannot be changed later.</translation>
    </message>
    <message>
        <source>例如：荷塘镇综合治理中心</source>
        <translation>e.g. 荷塘镇综合治理中心</translation>
    </message>
    <message>
        <source>9位或12位数字，例如 330481101</source>
        <translation>9 or 12 digits, e.g. 330481101</translation>
    </message>
    <message>
        <source>中心名称</source>
        <translation>Center name</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>统计用区划代码：县（市、区）6位 + 乡镇（街道）3位，或完整的12位。</source>
        <translation>The statistical division code: 6 digits for the county + 3 for the township, or the full 12 digits.</translation>
    </message>
    <message>
        <source>本机工作站编号</source>
        <translation>Station number of this PC</translation>
    </message>
    <message>
        <source>只有一台电脑登记事项时保持 1；同一中心有多台电脑时，每台填不同的号。</source>
        <translation>Keep 1 when only one PC registers cases; when a center has several PCs, give each a different number.</translation>
    </message>
    <message>
        <source>调解委员会</source>
        <translation>Mediation committee</translation>
    </message>
    <message>
        <source>人民调解文书（受理登记表、调解协议书等）以调解委员会的名义制作，抬头和落款使用这个名称。</source>
        <translation>People&apos;s mediation documents (acceptance forms, mediation agreements…) are issued in the committee&apos;s name: this name heads and signs them.</translation>
    </message>
    <message>
        <source>人民调解委员会名称</source>
        <translation>Committee name</translation>
    </message>
    <message>
        <source>按司法所备案的全称填写，例如“荷塘镇人民调解委员会”。</source>
        <translation>The full name registered with the judicial office, e.g. “荷塘镇人民调解委员会”.</translation>
    </message>
    <message>
        <source>文书抬头预览：</source>
        <translation>Document heading preview:</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>系统管理员账号</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <source>用这个账号登录、为其他工作人员开账号、管理备份。请牢记密码：它也是本机加密数据的钥匙。</source>
        <translation>Use this account to sign in, create accounts for the staff and manage backups. Remember the password: it is also the key to this PC&apos;s encrypted data.</translation>
    </message>
    <message>
        <source>您的姓名，例如 李晓燕</source>
        <translation>Your name, e.g. 李晓燕</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>2–40个英文字母、数字、下划线或点。</source>
        <translation>2–40 letters, digits, underscores or dots.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>至少8位，含数字、小写字母、大写字母、符号中的至少两类；不要用用户名。</source>
        <translation>At least 8 characters, with at least two of: digits, lower-case letters, upper-case letters, symbols; not the user name.</translation>
    </message>
    <message>
        <source>再输一次密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>系统管理员管理账号和备份，不能登记和查看事项。设置完成后，请为工作人员（调解员、登记员等）开账号，由他们登录办理事项。</source>
        <translation>The administrator manages accounts and backups and cannot register or read cases. After the set-up, create accounts for the staff (mediators, clerks…), who sign in to work on cases.</translation>
    </message>
    <message>
        <source>县级服务器（可跳过）</source>
        <translation>County server (optional)</translation>
    </message>
    <message>
        <source>填写县综治中心提供的服务器地址和注册码，本机即可与县级平台同步。不联网也能完整使用，以后可在“文件 → 设置 → 同步”中再注册。</source>
        <translation>Enter the server address and enrolment code from the county center, and this PC syncs with the county platform. Everything works without a network too; you can enrol later in File → Settings → Sync.</translation>
    </message>
    <message>
        <source>例如 https://zzzx.example.gov.cn:8765</source>
        <translation>e.g. https://zzzx.example.gov.cn:8765</translation>
    </message>
    <message>
        <source>例如 ABCD-EFGH-JKLM</source>
        <translation>e.g. ABCD-EFGH-JKLM</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>注册码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>一次性注册码，向县综治中心索取；用过后即失效。</source>
        <translation>A one-time code from the county center; it expires once used.</translation>
    </message>
    <message>
        <source>两项都不填即为离线使用：点“下一步”跳过。</source>
        <translation>Leave both empty to work offline: click &quot;Next&quot; to skip.</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>备份是整个数据库的加密副本，电脑损坏或误操作时用它恢复。每份备份写好后都经过校验。</source>
        <translation>A backup is an encrypted copy of the whole database, to restore from after a broken PC or a mistake. Every backup is checked after it is written.</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>用默认位置</source>
        <translation>Default location</translation>
    </message>
    <message>
        <source>每天第一次打开程序时自动备份</source>
        <translation>Back up automatically when the program is first opened each day</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>备份位置</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>不填则放在数据目录的 backups 文件夹。建议选另一块硬盘或U盘：电脑硬盘损坏时备份还在。所选位置暂时不可用（U盘未插）时，自动备份到数据目录。</source>
        <translation>Left empty: the backups folder in the data directory. Another disk or a USB stick is better: the backups survive if the PC&apos;s disk fails. While the chosen folder is unavailable (USB stick not plugged in), backups go to the data directory.</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <source>保留每日备份</source>
        <translation>Keep daily backups for</translation>
    </message>
    <message>
        <source>另外保留最近4周每周一份、最近12个月每月一份。</source>
        <translation>Plus one a week for the last 4 weeks and one a month for the last 12 months.</translation>
    </message>
    <message>
        <source>选择备份位置</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>请核对以下内容，然后点“完成设置”。</source>
        <translation>Check the following, then click &quot;Finish&quot;.</translation>
    </message>
    <message>
        <source>没有连上县级服务器</source>
        <translation>Could not reach the county server</translation>
    </message>
    <message>
        <source>重新注册</source>
        <translation>Enrol again</translation>
    </message>
    <message>
        <source>本中心和管理员账号已经建好。可以改正后重新注册，或点“跳过，离线使用”，以后在“文件 → 设置 → 同步”中再注册。</source>
        <translation>The center and the administrator account are set up. Correct the details and enrol again, or click &quot;Skip, work offline&quot; and enrol later in File → Settings → Sync.</translation>
    </message>
    <message>
        <source>名称太长（最多100个字）。</source>
        <translation>The name is too long (at most 100 characters).</translation>
    </message>
    <message>
        <source>请填写中心名称，例如“某某镇综治中心”。</source>
        <translation>Enter the center name, e.g. “某某镇综治中心”.</translation>
    </message>
    <message>
        <source>中心名称太长（最多100个字）。</source>
        <translation>The center name is too long (at most 100 characters).</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>请填写注册码；不与县级服务器连接时，请把服务器地址也清空。</source>
        <translation>Enter the enrolment code; to work without the county server, clear the server address too.</translation>
    </message>
    <message>
        <source>请填写服务器地址。</source>
        <translation>Enter the server address.</translation>
    </message>
    <message>
        <source>服务器地址应以 https:// 开头，例如 https://zzzx.example.gov.cn:8765。</source>
        <translation>The server address starts with https://, e.g. https://zzzx.example.gov.cn:8765.</translation>
    </message>
    <message>
        <source>请选择一个完整的文件夹路径（点“选择…”）。</source>
        <translation>Choose a full folder path (click &quot;Choose…&quot;).</translation>
    </message>
    <message>
        <source>每天自动备份，保留最近 %s 天</source>
        <translation>Daily automatic backup, kept for %s days</translation>
    </message>
    <message>
        <source>只手动备份</source>
        <translation>Manual backups only</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>载入演示乡镇（虚构数据）</source>
        <translation>Load the demo township (fictional data)</translation>
    </message>
    <message>
        <source>登录账号</source>
        <translation>Signed in as</translation>
    </message>
    <message>
        <source>演示账号 %s（中心主任），各演示账号的密码均为 demo</source>
        <translation>Demo account %s (center director); every demo account has the password demo</translation>
    </message>
    <message>
        <source>中心</source>
        <translation>Center</translation>
    </message>
    <message>
        <source>工作站编号</source>
        <translation>Station number</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>县级服务器</source>
        <translation>County server</translation>
    </message>
    <message>
        <source>暂不连接（离线使用）</source>
        <translation>Not now (offline)</translation>
    </message>
    <message>
        <source>备份方式</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>正在建立本地数据库和管理员账号…</source>
        <translation>Creating the local database and the administrator account…</translation>
    </message>
    <message>
        <source>已建立“%s”的本地数据库。</source>
        <translation>Created the local database of “%s”.</translation>
    </message>
    <message>
        <source>请用系统管理员账号为工作人员开账号，工作人员用自己的账号登录后登记事项。</source>
        <translation>Use the administrator account to create accounts for the staff; they sign in with their own accounts to register cases.</translation>
    </message>
    <message>
        <source>正在连接县级服务器 %s …</source>
        <translation>Connecting to the county server %s…</translation>
    </message>
    <message>
        <source>注册时程序出错。</source>
        <translation>The program failed while enrolling.</translation>
    </message>
    <message>
        <source>跳过，离线使用</source>
        <translation>Skip, work offline</translation>
    </message>
    <message>
        <source>请填写服务器地址和注册码。</source>
        <translation>Enter the server address and the enrolment code.</translation>
    </message>
    <message>
        <source>正在生成演示数据…</source>
        <translation>Making the demo data…</translation>
    </message>
    <message>
        <source>已用演示账号 %s 登录（演示账号的密码均为 demo）。</source>
        <translation>Signed in with the demo account %s (every demo account has the password demo).</translation>
    </message>
    <message>
        <source>载入演示乡镇</source>
        <translation>Load the demo township</translation>
    </message>
    <message>
        <source>正在生成演示数据，请稍候…</source>
        <translation>Making the demo data, please wait…</translation>
    </message>
    <message>
        <source>未连接县级服务器：以后可在“文件 → 设置 → 同步”中注册。</source>
        <translation>Not connected to the county server: you can enrol later in File → Settings → Sync.</translation>
    </message>
</context>
<context>
    <name>InstructionsDialog</name>
    <message>
        <source>县级指令</source>
        <translation>County instructions</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>下发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>签收选中的指令</source>
        <translation>Acknowledge the selected instruction</translation>
    </message>
    <message>
        <source>未签收</source>
        <translation>Not acknowledged</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>矛盾纠纷</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>求助</source>
        <translation>Request for help</translation>
    </message>
    <message>
        <source>法律咨询</source>
        <translation>Legal consultation</translation>
    </message>
    <message>
        <source>网格事件</source>
        <translation>Grid event</translation>
    </message>
</context>
<context>
    <name>LocationPickerDialog</name>
    <message>
        <source>在地图上选择事发地点</source>
        <translation>Choose the location on the map</translation>
    </message>
    <message>
        <source>请在地图上点击事发地点。</source>
        <translation>Click where it happened on the map.</translation>
    </message>
    <message>
        <source>北纬 %.6f°，东经 %.6f°</source>
        <translation>%.6f° N, %.6f° E</translation>
    </message>
    <message>
        <source>（不在本乡镇的村、社区范围内）</source>
        <translation>(outside the villages and communities of this township)</translation>
    </message>
    <message>
        <source>，网格员 %s</source>
        <translation>, grid officer %s</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>govdesk 已锁定</source>
        <translation>govdesk is locked</translation>
    </message>
    <message>
        <source>当前用户：%s</source>
        <translation>Signed in: %s</translation>
    </message>
    <message>
        <source>为保护当事人信息，长时间未操作或按 Ctrl+L 后自动锁定。请输入您的登录密码解锁。</source>
        <translation>To protect the parties&apos; information, govdesk locks after a while without use or on Ctrl+L. Enter your password to unlock.</translation>
    </message>
    <message>
        <source>为保护当事人信息，屏幕已锁定。点击“继续”返回。</source>
        <translation>The screen is locked to protect the parties&apos; information. Click &quot;Continue&quot; to return.</translation>
    </message>
    <message>
        <source>登录密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>请输入密码。</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>事项</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>人员查询</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>登记事项</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>大屏</source>
        <translation>Big screen</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>打印文书…</source>
        <translation>Print documents…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>批量打印协议书…</source>
        <translation>Batch print agreements…</translation>
    </message>
    <message>
        <source>导出事项列表…</source>
        <translation>Export the case list…</translation>
    </message>
    <message>
        <source>导入居民…</source>
        <translation>Import residents…</translation>
    </message>
    <message>
        <source>当前账号不能登记事项，请用工作人员账号登录。</source>
        <translation>This account cannot register cases; sign in with a staff account.</translation>
    </message>
    <message>
        <source>当前用户：%s</source>
        <translation>Signed in: %s</translation>
    </message>
    <message>
        <source>同步冲突…</source>
        <translation>Sync conflicts…</translation>
    </message>
    <message>
        <source>县级指令…</source>
        <translation>County instructions…</translation>
    </message>
    <message>
        <source>导出同步包（无网络时用U盘）…</source>
        <translation>Export a sync bundle (USB stick, without network)…</translation>
    </message>
    <message>
        <source>导入县里的回执包…</source>
        <translation>Import the county&apos;s receipt bundle…</translation>
    </message>
    <message>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>同步冲突涉及事项内容，当前账号不能查看。请由中心主任、调解员或工作人员登录后在“同步 → 同步冲突”中处理。</source>
        <translation>Sync conflicts show the contents of cases, which this account may not see. Ask the center director, a mediator or a clerk to sign in and settle them under Sync → Sync conflicts.</translation>
    </message>
    <message>
        <source>县级指令</source>
        <translation>County instructions</translation>
    </message>
    <message>
        <source>县级指令由中心主任、调解员或工作人员签收。请用这些账号登录后在“同步 → 县级指令”中查看。</source>
        <translation>County instructions are acknowledged by the center director, a mediator or a clerk. Sign in with one of those accounts and open Sync → County instructions.</translation>
    </message>
    <message>
        <source>（未设置中心）</source>
        <translation>(no center set up)</translation>
    </message>
    <message>
        <source>数据库：%s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <source>显示：%s（%s 件）。点“重置”返回全部事项。</source>
        <translation>Showing: %s (%s cases). Click &quot;Reset&quot; to return to all cases.</translation>
    </message>
    <message>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>使用指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>关于 govdesk</source>
        <translation>About govdesk</translation>
    </message>
    <message>
        <source>请先在列表中选中一件事项，再打印它的文书。</source>
        <translation>Select a case in the list first, then print its documents.</translation>
    </message>
    <message>
        <source>安全</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>审计记录…</source>
        <translation>Audit trail…</translation>
    </message>
    <message>
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <source>已导出 %s 件：%s</source>
        <translation>Exported %s cases: %s</translation>
    </message>
    <message>
        <source>已导入 %s 位居民。</source>
        <translation>Imported %s residents.</translation>
    </message>
    <message>
        <source>共 %s 件</source>
        <translation>%s cases</translation>
    </message>
    <message>
        <source>系统管理员不查看事项和人员信息。账号在“安全”菜单中管理，备份、同步和其他设置在“文件 → 设置”中。</source>
        <translation>The system administrator does not see cases or persons. Accounts are managed in the Security menu; backups, sync and the other settings are under File → Settings.</translation>
    </message>
    <message>
        <source>还没有事项。当前账号不能登记事项，请用工作人员账号登录后登记。</source>
        <translation>No cases yet. This account cannot register cases; sign in with a staff account to register them.</translation>
    </message>
    <message>
        <source>还没有事项——点击“登记事项”登记第一件</source>
        <translation>No cases yet — click &quot;Register&quot; to register the first one</translation>
    </message>
    <message>
        <source>没有符合条件的事项</source>
        <translation>No cases match</translation>
    </message>
    <message>
        <source>清除搜索和筛选条件</source>
        <translation>Clear the search and filters</translation>
    </message>
    <message>
        <source>这一列暂不能排序。</source>
        <translation>This column cannot be sorted yet.</translation>
    </message>
    <message>
        <source>已登记：%s</source>
        <translation>Registered: %s</translation>
    </message>
    <message>
        <source>已登记：%s。它不在当前筛选结果中，点“重置”可显示全部事项。</source>
        <translation>Registered: %s. It is not in the current filter; click &quot;Reset&quot; to show all cases.</translation>
    </message>
    <message>
        <source>只有当前登录的用户才能解锁。</source>
        <translation>Only the signed-in user can unlock.</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <source>地图页面未能载入。</source>
        <translation>The map page did not load.</translation>
    </message>
    <message>
        <source>地图长时间没有显示出来，请重试。</source>
        <translation>The map took too long to appear; please try again.</translation>
    </message>
    <message>
        <source>地图页面出错，未能显示。</source>
        <translation>The map page failed and could not be shown.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>热力图</source>
        <translation>Heat map</translation>
    </message>
    <message>
        <source>按近一年事项的分布显示热力图（红色风险权重最高）</source>
        <translation>A heat map of the last year&apos;s cases (red risk weighs most)</translation>
    </message>
    <message>
        <source>保存图片…</source>
        <translation>Save image…</translation>
    </message>
    <message>
        <source>把当前地图保存为 PNG 图片，用于报告</source>
        <translation>Save the current map as a PNG image, for reports</translation>
    </message>
    <message>
        <source>正在生成地图……</source>
        <translation>Drawing the map…</translation>
    </message>
    <message>
        <source>正在显示 %s 件事项……</source>
        <translation>Showing %s cases…</translation>
    </message>
    <message>
        <source>地图上 %s 件事项</source>
        <translation>%s cases on the map</translation>
    </message>
    <message>
        <source>，另有 %s 件没有坐标</source>
        <translation>, %s more without coordinates</translation>
    </message>
    <message>
        <source>地图未能生成</source>
        <translation>The map could not be made</translation>
    </message>
    <message>
        <source>保存地图图片</source>
        <translation>Save the map image</translation>
    </message>
    <message>
        <source>事项分布图.png</source>
        <translation>case-map.png</translation>
    </message>
    <message>
        <source>图片未能保存到 %s</source>
        <translation>The image could not be saved to %s</translation>
    </message>
</context>
<context>
    <name>ObligationsEditor</name>
    <message>
        <source>添加一项</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除选中项</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>期限写成 2026-12-31；金额只写数字。</source>
        <translation>Write deadlines as 2026-12-31; amounts as plain numbers.</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>清除日期</source>
        <translation>Clear the date</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>自然人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>18位，可不填</source>
        <translation>18 characters, optional</translation>
    </message>
    <message>
        <source>（按身份证）</source>
        <translation>(from the ID)</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>（不填）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>手机或固话</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <source>18位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID numbers</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnic group</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>当事人 %s</source>
        <translation>Party %s</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>PartyRole</name>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>被申请人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>第三人</source>
        <translation>Third party</translation>
    </message>
</context>
<context>
    <name>PerformanceEditor</name>
    <message>
        <source>协议没有履行事项。</source>
        <translation>The agreement has no obligations.</translation>
    </message>
</context>
<context>
    <name>PersonExportDialog</name>
    <message>
        <source>导出个人信息</source>
        <translation>Export personal information</translation>
    </message>
    <message>
        <source>应本人请求，导出本中心保存的关于此人的全部信息：个人信息（含完整证件号码和电话）、作为当事人的全部事项、办理经过、调解协议、出具的文书，以及此人信息被查看和导出的记录。其他当事人只列出姓名和身份。文件为 JSON 格式（UTF-8），可用记事本打开。</source>
        <translation>At the person&apos;s request, exports everything this center holds about them: their personal information (with the full ID and phone numbers), every case they are a party to, its handling, mediation agreements, documents issued, and the record of who viewed and exported their information. Other parties are listed by name and role only. The file is JSON (UTF-8) and opens in Notepad.</translation>
    </message>
    <message>
        <source>例如：本人于11月20日书面申请查阅复制</source>
        <translation>e.g. written request by the person on 20 November for a copy</translation>
    </message>
    <message>
        <source>人员：</source>
        <translation>Person: </translation>
    </message>
    <message>
        <source>申请情况（必填）：</source>
        <translation>Request (required): </translation>
    </message>
    <message>
        <source>文件含有完整的身份证号和电话，请只交给本人（核实身份后），不要留存在公用电脑上。导出会记入审计记录。</source>
        <translation>The file holds full ID and phone numbers: give it only to the person (after checking their identity) and do not leave it on a shared PC. The export is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>保存个人信息</source>
        <translation>Save the personal information</translation>
    </message>
    <message>
        <source>JSON 文件 (*.json)</source>
        <translation>JSON file (*.json)</translation>
    </message>
    <message>
        <source>请写明申请情况（例如：本人书面申请），至少2个字。</source>
        <translation>Describe the request (e.g. written request by the person), at least 2 characters.</translation>
    </message>
    <message>
        <source>个人信息</source>
        <translation>Personal information</translation>
    </message>
    <message>
        <source>文件没有保存：%1（%2）。请换一个文件夹再导出。</source>
        <translation>The file was not saved: %1 (%2). Choose another folder and export again.</translation>
    </message>
    <message>
        <source>已导出到 %1（%2 件事项）。</source>
        <translation>Exported to %1 (%2 cases).</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PersonsView</name>
    <message>
        <source>输入姓名（可只输前几个字）、完整身份证号或手机号</source>
        <translation>Name (the first characters are enough), full ID number or mobile number</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>按姓名查找时可只输姓氏或前几个字；身份证号、手机号需输入完整。</source>
        <translation>For names, the surname or the first characters are enough; ID and mobile numbers must be complete.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID numbers</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>事项数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>选择上面的人员，这里列出他（她）作为当事人的全部事项。双击事项查看详情。</source>
        <translation>Select a person above to list every case they are a party to. Double-click a case for its details.</translation>
    </message>
    <message>
        <source>显示完整身份证号</source>
        <translation>Show the full ID number</translation>
    </message>
    <message>
        <source>显示完整电话</source>
        <translation>Show the full phone number</translation>
    </message>
    <message>
        <source>导出个人信息…</source>
        <translation>Export personal information…</translation>
    </message>
    <message>
        <source>匿名化…</source>
        <translation>Anonymise…</translation>
    </message>
    <message>
        <source>已匿名化，此人现显示为“%1”；%2 件事项照常保留。</source>
        <translation>Anonymised: the person now shows as “%1”; their %2 cases are kept.</translation>
    </message>
    <message>
        <source>没有找到“%s”。姓名可只输前几个字；身份证号、手机号需输入完整。</source>
        <translation>Nothing found for “%s”. For names the first characters are enough; ID and mobile numbers must be complete.</translation>
    </message>
    <message>
        <source>找到的人太多，只列出前 %s 人，请输入更完整的姓名。</source>
        <translation>Too many people found; only the first %s are listed. Type more of the name.</translation>
    </message>
    <message>
        <source>找到 %s 人。</source>
        <translation>%s found.</translation>
    </message>
    <message>
        <source>%1 作为当事人的事项：共 %2 件（双击查看详情）</source>
        <translation>Cases with %1 as a party: %2 (double-click for details)</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>这个 PDF 文件无法打开（已损坏？）。</source>
        <translation>This PDF file cannot be opened (damaged?).</translation>
    </message>
    <message>
        <source>无法显示 PDF（%1 出错：%2）。请安装 poppler-utils。</source>
        <translation>Cannot show the PDF (%1 failed: %2). Please install poppler-utils.</translation>
    </message>
    <message>
        <source>这台电脑缺少显示 PDF 的组件（QtPdf 或 poppler）。请用“另存为 PDF”后用其他阅读器打开。</source>
        <translation>This PC lacks the component to show PDFs (QtPdf or poppler). Use &quot;Save as PDF&quot; and open it in another reader.</translation>
    </message>
    <message>
        <source>无法开始打印：打印机没有响应。请检查打印机是否已连接、是否已选对打印机。</source>
        <translation>Cannot start printing: the printer does not respond. Check that it is connected and that the right printer is chosen.</translation>
    </message>
    <message>
        <source>打印中断：打印机不接受新的一页。</source>
        <translation>Printing stopped: the printer does not accept another page.</translation>
    </message>
    <message>
        <source>第 %1 页无法生成打印图像（内存不足？）。请关闭其他程序后重试。</source>
        <translation>Page %1 could not be made ready to print (out of memory?). Close other programs and try again.</translation>
    </message>
    <message>
        <source>无法写入 %1：%2。请换一个位置保存。</source>
        <translation>Cannot write %1: %2. Save it somewhere else.</translation>
    </message>
    <message>
        <source>打印预览 — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>无法显示</source>
        <translation>Cannot show</translation>
    </message>
    <message>
        <source>本文件已含 %1 份原件（每方当事人一份、委员会存档一份），打印一份即可。</source>
        <translation>This file already holds %1 originals (one per party, one for the committee&apos;s files): print it once.</translation>
    </message>
    <message>
        <source>（副本）</source>
        <translation> (copy)</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReferralCard</name>
    <message>
        <source>配合：</source>
        <translation>With: </translation>
    </message>
    <message>
        <source>（已结束）</source>
        <translation>(ended)</translation>
    </message>
    <message>
        <source>交办：</source>
        <translation>Referred: </translation>
    </message>
    <message>
        <source>已签收 %1</source>
        <translation>received %1</translation>
    </message>
    <message>
        <source>未签收</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <source>签收期限：</source>
        <translation>Receive by: </translation>
    </message>
    <message>
        <source>已报结 %1</source>
        <translation>reported %1</translation>
    </message>
    <message>
        <source>未报结</source>
        <translation>not reported</translation>
    </message>
    <message>
        <source>办理期限：</source>
        <translation>Handle by: </translation>
    </message>
    <message>
        <source>办理情况：</source>
        <translation>What was done: </translation>
    </message>
    <message>
        <source>中心确认：</source>
        <translation>Confirmed by the center: </translation>
    </message>
    <message>
        <source>退回重办 %1 次</source>
        <translation>Sent back %1 times</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>登记事项</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>带 * 的为必填项。矛盾纠纷须选择纠纷类别并至少登记一个当事人。</source>
        <translation>Fields marked * are required. A dispute needs a category and at least one party.</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>一句话说明事项，例如：张某与李某宅基地边界纠纷</source>
        <translation>One line on what it is about, e.g. Zhang and Li&apos;s homestead boundary dispute</translation>
    </message>
    <message>
        <source>事项标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>事项类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>纠纷类别</source>
        <translation>Dispute category</translation>
    </message>
    <message>
        <source>来源渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>不详</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>发生日期</source>
        <translation>Occurred on</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>涉及人数</source>
        <translation>People involved</translation>
    </message>
    <message>
        <source>不涉及金额可不填；单位：元</source>
        <translation>Leave empty when no money is involved; in yuan</translation>
    </message>
    <message>
        <source>涉及金额（元）</source>
        <translation>Amount involved (yuan)</translation>
    </message>
    <message>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <source>黄色、红色预警须写明理由</source>
        <translation>Yellow and red warnings need a reason</translation>
    </message>
    <message>
        <source>风险说明</source>
        <translation>Risk reason</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>例如：荷塘村三组晒谷场东侧</source>
        <translation>e.g. east of the threshing ground, Group 3, Hetang village</translation>
    </message>
    <message>
        <source>发生地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>纬度，如 30.2741</source>
        <translation>Latitude, e.g. 30.2741</translation>
    </message>
    <message>
        <source>经度，如 120.1551</source>
        <translation>Longitude, e.g. 120.1551</translation>
    </message>
    <message>
        <source>在地图上选点…</source>
        <translation>Pick on the map…</translation>
    </message>
    <message>
        <source>坐标（可不填）</source>
        <translation>Coordinates (optional)</translation>
    </message>
    <message>
        <source>事实与诉求</source>
        <translation>Facts and claims</translation>
    </message>
    <message>
        <source>时间、地点、起因、经过、目前状况</source>
        <translation>When, where, how it started, what happened, where it stands now</translation>
    </message>
    <message>
        <source>事实经过</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>当事人希望怎样解决</source>
        <translation>How the parties want it resolved</translation>
    </message>
    <message>
        <source>当事人诉求</source>
        <translation>Parties&apos; claims</translation>
    </message>
    <message>
        <source>（不选）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>添加当事人</source>
        <translation>Add a party</translation>
    </message>
    <message>
        <source>删除当事人</source>
        <translation>Remove the party</translation>
    </message>
    <message>
        <source>删除“%s”的全部信息？</source>
        <translation>Remove everything about “%s”?</translation>
    </message>
    <message>
        <source>这个当事人</source>
        <translation>this party</translation>
    </message>
    <message>
        <source>未保存：%s</source>
        <translation>Not saved: %s</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>事项没有保存，填写的内容都还在。

%s</source>
        <translation>The case was not saved; everything you entered is still here.

%s</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>&lt;b&gt;可能重复：&lt;/b&gt;下列未办结事项与本次登记的当事人相同，请先核对。</source>
        <translation>&lt;b&gt;Possible duplicate:&lt;/b&gt; the open cases below have the same parties; please check them first.</translation>
    </message>
    <message>
        <source>点击编号可查看该事项。确认不是同一件事，请点“仍然保存”。</source>
        <translation>Click a number to see that case. If it is not the same matter, click &quot;Save anyway&quot;.</translation>
    </message>
    <message>
        <source>仍然保存</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>放弃登记</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>已填写的内容还没有保存，确定放弃吗？</source>
        <translation>What you entered is not saved yet. Discard it?</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>显示完整号码</source>
        <translation>Show the full number</translation>
    </message>
    <message>
        <source>（未登记）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>例如：核实当事人身份、电话通知当事人到场</source>
        <translation>e.g. to check the party&apos;s identity, to call the party in</translation>
    </message>
    <message>
        <source>人员：</source>
        <translation>Person: </translation>
    </message>
    <message>
        <source>%s：</source>
        <translation>%s: </translation>
    </message>
    <message>
        <source>查看理由（必填）：</source>
        <translation>Why (required): </translation>
    </message>
    <message>
        <source>完整号码：</source>
        <translation>Full number: </translation>
    </message>
    <message>
        <source>只显示这一个号码；查看的人、时间和理由会记入审计记录。关闭窗口后号码重新隐藏。</source>
        <translation>Only this one number is shown; who viewed it, when and why is recorded in the audit trail. It is hidden again when the window closes.</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>红色</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>黄色</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>绿色</source>
        <translation>Green</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>数据目录</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>自动锁定</source>
        <translation>Idle lock</translation>
    </message>
    <message>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>这里保存本机的全部数据：加密数据库 govdesk.db、附件、钥匙文件和默认的备份文件夹。</source>
        <translation>All of this PC&apos;s data is kept here: the encrypted database govdesk.db, attachments, key files and the default backup folder.</translation>
    </message>
    <message>
        <source>&lt;b&gt;如何把数据搬到别的位置&lt;/b&gt;（例如空间更大的 D 盘）：&lt;ol&gt;&lt;li&gt;退出 govdesk（所有窗口）。&lt;/li&gt;&lt;li&gt;把上面的整个文件夹复制到新位置，例如 D:\govdesk数据。&lt;/li&gt;&lt;li&gt;在桌面快捷方式的“目标”末尾加上 &lt;code&gt;--data-dir &quot;D:\govdesk数据&quot;&lt;/code&gt;，或设置环境变量 &lt;code&gt;GOVDESK_DATA_DIR&lt;/code&gt; 为新位置。&lt;/li&gt;&lt;li&gt;启动 govdesk，确认事项都在后，再删除旧文件夹。&lt;/li&gt;&lt;/ol&gt;数据目录不能在程序运行时更改；同一数据目录同时只能由一个 govdesk 使用。</source>
        <translation>&lt;b&gt;How to move the data elsewhere&lt;/b&gt; (e.g. to a larger D: drive):&lt;ol&gt;&lt;li&gt;Quit govdesk (every window).&lt;/li&gt;&lt;li&gt;Copy the whole folder above to the new place, e.g. D:\govdesk-data.&lt;/li&gt;&lt;li&gt;Add &lt;code&gt;--data-dir &quot;D:\govdesk-data&quot;&lt;/code&gt; at the end of the desktop shortcut&apos;s &quot;Target&quot;, or set the environment variable &lt;code&gt;GOVDESK_DATA_DIR&lt;/code&gt; to the new place.&lt;/li&gt;&lt;li&gt;Start govdesk, check that the cases are there, then delete the old folder.&lt;/li&gt;&lt;/ol&gt;The data directory cannot change while the program runs; only one govdesk can use a data directory at a time.</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>用默认位置</source>
        <translation>Default location</translation>
    </message>
    <message>
        <source>每天第一次打开程序时自动备份</source>
        <translation>Back up automatically when the program is first opened each day</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>备份位置</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>建议选另一块硬盘或U盘：电脑硬盘损坏时备份还在。所选位置暂时不可用（U盘未插）时，自动备份到数据目录。已有的备份留在原处，仍可用来恢复。</source>
        <translation>Another disk or a USB stick is better: the backups survive if the PC&apos;s disk fails. While the chosen folder is unavailable (USB stick not plugged in), backups go to the data directory. Existing backups stay where they are and can still be restored.</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <source>保留每日备份</source>
        <translation>Keep daily backups for</translation>
    </message>
    <message>
        <source>另外保留最近4周每周一份、最近12个月每月一份。</source>
        <translation>Plus one a week for the last 4 weeks and one a month for the last 12 months.</translation>
    </message>
    <message>
        <source>现在的备份保存在：%s</source>
        <translation>Backups now go to: %s</translation>
    </message>
    <message>
        <source>只有系统管理员和中心主任可以更改备份设置。</source>
        <translation>Only the administrator and the center director can change the backup settings.</translation>
    </message>
    <message>
        <source>选择备份位置</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>例如 https://zzzx.example.gov.cn:8765</source>
        <translation>e.g. https://zzzx.example.gov.cn:8765</translation>
    </message>
    <message>
        <source>例如 ABCD-EFGH-JKLM</source>
        <translation>e.g. ABCD-EFGH-JKLM</translation>
    </message>
    <message>
        <source>注册本机</source>
        <translation>Enrol this PC</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>不自动同步</source>
        <translation>No automatic sync</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>注册码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>一次性注册码，向县综治中心索取。注册后本机用自己的凭据同步，注册码即失效。</source>
        <translation>A one-time code from the county center. Once enrolled, this PC syncs with its own credential and the code expires.</translation>
    </message>
    <message>
        <source>自动同步间隔</source>
        <translation>Sync every</translation>
    </message>
    <message>
        <source>联网时每隔这么久同步一次；随时可按 F5 立即同步。0 为只在按 F5 时同步。</source>
        <translation>When online, sync this often; press F5 to sync at any time. 0: only when F5 is pressed.</translation>
    </message>
    <message>
        <source>只有系统管理员和中心主任可以注册本机。</source>
        <translation>Only the administrator and the center director can enrol this PC.</translation>
    </message>
    <message>
        <source>未能读取本机的同步状态。</source>
        <translation>Could not read this PC&apos;s sync state.</translation>
    </message>
    <message>
        <source>本机已被县级服务器 %s 停用，不再同步；未同步的数据都保存在本机。如需恢复，请向县综治中心索取新的注册码，在下面重新注册。</source>
        <translation>The county server %s has revoked this PC: it no longer syncs, and its unsynced data stays on this PC. To sync again, ask the county center for a new enrolment code and enrol below.</translation>
    </message>
    <message>
        <source>本机已注册到县级服务器 %s。</source>
        <translation>This PC is enrolled with the county server %s.</translation>
    </message>
    <message>
        <source>本机还没有注册到县级服务器，现在离线使用。</source>
        <translation>This PC is not enrolled with the county server; it works offline.</translation>
    </message>
    <message>
        <source>系统默认打印机</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <source>%s（现在找不到）</source>
        <translation>%s (not found now)</translation>
    </message>
    <message>
        <source>按文书的纸张（A4）</source>
        <translation>The document&apos;s own paper (A4)</translation>
    </message>
    <message>
        <source>16开（184×260 毫米）</source>
        <translation>16K (184×260 mm)</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>人民调解文书按 A4 制作。选其他纸张时按比例缩放，居中打印。</source>
        <translation>People&apos;s mediation documents are made for A4. On other paper they are scaled to fit and centred.</translation>
    </message>
    <message>
        <source>默认份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>调解协议书本身已含每方当事人一份、委员会存档一份，打印一份即可。</source>
        <translation>A mediation agreement already holds one original per party and one for the committee&apos;s files: print it once.</translation>
    </message>
    <message>
        <source>每次打印时仍可在打印对话框里改。</source>
        <translation>You can still change these in the print dialog each time.</translation>
    </message>
    <message>
        <source>无操作锁定</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <source>这么久没有键盘和鼠标操作时，程序锁定并隐藏所有个人信息，输入密码后继续。为保护当事人信息，最长10分钟。离开座位时可按 Ctrl+L 立即锁定。</source>
        <translation>With no keyboard or mouse activity for this long, the program locks and hides all personal information until the password is entered. To protect the parties&apos; information, at most 10 minutes. Press Ctrl+L to lock at once when leaving your desk.</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>重新启动程序后生效。打印的文书和导出的报表始终是中文。</source>
        <translation>Takes effect when the program is started again. Printed documents and exported reports are always in Chinese.</translation>
    </message>
    <message>
        <source>请填写服务器地址。</source>
        <translation>Enter the server address.</translation>
    </message>
    <message>
        <source>请填写注册码（向县综治中心索取）。</source>
        <translation>Enter the enrolment code (from the county center).</translation>
    </message>
    <message>
        <source>正在注册…</source>
        <translation>Enrolling…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>功能</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>登录 govdesk</source>
        <translation>Sign in to govdesk</translation>
    </message>
    <message>
        <source>请登录</source>
        <translation>Please sign in</translation>
    </message>
    <message>
        <source>数据目录：%s</source>
        <translation>Data directory: %s</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>例如 zhangsan</source>
        <translation>e.g. zhangsan</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>这是第一次使用这个账号（或密码已被重置），请设置自己的新密码。</source>
        <translation>This account is used for the first time (or its password was reset): set your own new password.</translation>
    </message>
    <message>
        <source>至少8位，含数字、字母、符号中的两类</source>
        <translation>At least 8 characters, with two of: digits, letters, symbols</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>请输入用户名和密码。</source>
        <translation>Enter the user name and password.</translation>
    </message>
    <message>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>保存新密码</source>
        <translation>Save the new password</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>SignatureCanvas</name>
    <message>
        <source>请在此处签名</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SignaturePadDialog</name>
    <message>
        <source>签名 — %1</source>
        <translation>Signature — %1</translation>
    </message>
    <message>
        <source>当事人：%1</source>
        <translation>Party: %1</translation>
    </message>
    <message>
        <source>（已签）</source>
        <translation> (signed)</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>调解员或记录人的姓名</source>
        <translation>The mediator&apos;s or recorder&apos;s name</translation>
    </message>
    <message>
        <source>签署人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>请签署人用鼠标、手写笔或触摸屏在下方白色区域签名。签名图像将作为附件保存，并登记为“电子签名图像”。</source>
        <translation>The signer signs in the white area below with the mouse, a pen or the touch screen. The image is kept as an attachment and recorded as a &quot;signature image&quot;.</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>还没有签名。</source>
        <translation>Nothing signed yet.</translation>
    </message>
</context>
<context>
    <name>StartupCheckDialog</name>
    <message>
        <source>数据检查发现问题</source>
        <translation>The data check found problems</translation>
    </message>
    <message>
        <source>打开数据时的检查发现了问题。为免问题扩大，请先不要继续录入。</source>
        <translation>The check when opening the data found problems. To keep them from growing, do not enter anything for now.</translation>
    </message>
    <message>
        <source>恢复到这份备份…</source>
        <translation>Restore this backup…</translation>
    </message>
    <message>
        <source>继续打开（不建议录入）</source>
        <translation>Open anyway (do not enter data)</translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>没有找到可用的备份（备份文件夹 %s 中没有通过校验的备份）。请不要删除任何文件，立即联系县里的技术支持；数据文件在 %d。</source>
        <translation>No usable backup was found (no backup in %s passes the checks). Do not delete any file; contact the county&apos;s technical support at once. The data file is %d.</translation>
    </message>
    <message>
        <source>最近一份完好的备份：%1（%2，%3，%4 件事项）。它已经过校验：能够打开，且通过完整性检查。</source>
        <translation>The latest intact backup: %1 (%2, %3, %4 cases). It was checked: it opens and passes the integrity check.</translation>
    </message>
    <message>
        <source>只有系统管理员可以从备份恢复：请退出程序，由系统管理员登录后在这里恢复（或在“安全 → 备份与恢复”中恢复）。</source>
        <translation>Only the administrator can restore from a backup: quit, and have the administrator sign in and restore here (or in Security → Backup and restore).</translation>
    </message>
    <message>
        <source>发现的问题：</source>
        <translation>Problems found:</translation>
    </message>
    <message>
        <source>正在恢复</source>
        <translation>Restoring</translation>
    </message>
    <message>
        <source>正在另存当前数据并从备份恢复，请不要关闭程序……</source>
        <translation>Saving the current data and restoring from the backup. Please do not close the program…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>调解中</source>
        <translation>Mediating</translation>
    </message>
    <message>
        <source>达成协议</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>调解终止</source>
        <translation>End mediation</translation>
    </message>
    <message>
        <source>已分派</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>已交办</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>已办理</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>已反馈</source>
        <translation>Fed back</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>本机还没有注册到县级服务器。请在“文件 → 设置 → 同步”中填写服务器地址和县里给的注册码。不注册也可以正常使用，数据都保存在本机。</source>
        <translation>This PC is not enrolled with the county server yet. Enter the server address and the enrolment code from the county in File → Settings → Sync. Without enrolling everything still works, and the data stays on this PC.</translation>
    </message>
    <message>
        <source>正在同步……</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>正在同步：%s / %s</source>
        <translation>Syncing: %s / %s</translation>
    </message>
    <message>
        <source>同步没有完成</source>
        <translation>Sync did not finish</translation>
    </message>
    <message>
        <source>同步状态不可用</source>
        <translation>Sync state unavailable</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>更正第 %1 条记录</source>
        <translation>Corrects entry %1</translation>
    </message>
    <message>
        <source>还没有办理记录。</source>
        <translation>No records yet.</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>使用指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source># 使用指南

找不到使用指南文件，安装可能不完整。请联系县里的技术支持人员。</source>
        <translation># User guide

The user guide file is missing; the installation may be incomplete. Please contact the county&apos;s technical support.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>_BusyOverlay</name>
    <message>
        <source>正在生成地图……</source>
        <translation>Drawing the map…</translation>
    </message>
</context>
<context>
    <name>_ReasonDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>（未能保存错误报告）</source>
        <translation>(the error report could not be saved)</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>govdesk 遇到了一个程序错误，刚才的操作可能没有完成。已经保存的数据不受影响。

错误报告已保存到：
%s

请把这个文件发给县里的技术支持人员。</source>
        <translation>govdesk ran into a program error; the last action may not have finished. Data already saved is not affected.

An error report was saved to:
%s

Please send this file to the county&apos;s technical support.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>导出同步包</source>
        <translation>Export a sync bundle</translation>
    </message>
    <message>
        <source>同步包 (*.gdsync)</source>
        <translation>Sync bundle (*.gdsync)</translation>
    </message>
    <message>
        <source>同步包</source>
        <translation>Sync bundle</translation>
    </message>
    <message>
        <source>已写入 %s 条修改到 %s。
请带到县里导入（govdesk-county import-bundle），再把回执包带回来导入。</source>
        <translation>Wrote %s changes to %s.
Take it to the county to import (govdesk-county import-bundle), then bring the receipt bundle back and import it.</translation>
    </message>
    <message>
        <source>导入回执包</source>
        <translation>Import a receipt bundle</translation>
    </message>
    <message>
        <source>回执包</source>
        <translation>Receipt bundle</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>未能完成</source>
        <translation>Not done</translation>
    </message>
</context>
</TS>
