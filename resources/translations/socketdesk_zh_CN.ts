<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="34"/>
        <source>About SocketDesk</source>
        <translation>关于 SocketDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="49"/>
        <source>Copy versions</source>
        <translation>复制版本信息</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <location filename="../../desktop/ui/widgets/coming_page.py" line="23"/>
        <source>This workspace is coming in a later version. Nothing here sends or receives anything yet.</source>
        <translation>此工作区将在后续版本中推出。目前这里不会发送或接收任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/coming_page.py" line="32"/>
        <source>Planned:</source>
        <translation>计划功能：</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="30"/>
        <source>SocketDesk — unexpected error</source>
        <translation>SocketDesk — 意外错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="37"/>
        <source>&lt;b&gt;Something went wrong inside SocketDesk.&lt;/b&gt;&lt;br&gt;Your sessions are still running. If this keeps happening, please send the details to the developers.</source>
        <translation>&lt;b&gt;SocketDesk 内部出现了问题。&lt;/b&gt;&lt;br&gt;您的会话仍在运行。如果问题反复出现，请把详细信息发送给开发者。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="46"/>
        <source>A report was saved to {path}.</source>
        <translation>报告已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="48"/>
        <source>The report could not be saved to disk.</source>
        <translation>报告无法保存到磁盘。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="58"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="59"/>
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="64"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="82"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>HttpPage</name>
    <message>
        <location filename="../../desktop/ui/http/http_page.py" line="18"/>
        <source>Raw HTTP</source>
        <translation>原始 HTTP</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/http_page.py" line="19"/>
        <source>Type a raw HTTP request, send it over TCP or TLS, and see the exact bytes that came back next to a parsed, decoded view.</source>
        <translation>输入原始 HTTP 请求，通过 TCP 或 TLS 发送，并对照查看返回的原始字节与解析、解码后的视图。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/http_page.py" line="24"/>
        <source>Exact bytes sent and received, anomalies marked</source>
        <translation>精确显示收发的字节，并标出异常</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/http_page.py" line="27"/>
        <source>Timings and the whole TLS certificate chain</source>
        <translation>各阶段耗时与完整的 TLS 证书链</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/http_page.py" line="30"/>
        <source>History, diff, import and export as curl</source>
        <translation>历史记录、响应对比、curl 导入与导出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="43"/>
        <source>Workbench</source>
        <translation>调试台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="44"/>
        <source>Messenger</source>
        <translation>局域网聊天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="45"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="58"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="59"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="65"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="66"/>
        <source>Clear &amp;log</source>
        <translation>清空日志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="68"/>
        <source>Go to &amp;send box</source>
        <translation>转到发送框(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="71"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="80"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="83"/>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="84"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="85"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="89"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="91"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="94"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="95"/>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="97"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="98"/>
        <source>&amp;About SocketDesk</source>
        <translation>关于 SocketDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="181"/>
        <source>The language changes the next time SocketDesk starts.</source>
        <translation>语言将在下次启动 SocketDesk 时生效。</translation>
    </message>
</context>
<context>
    <name>MessengerPage</name>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_page.py" line="18"/>
        <source>LAN Messenger</source>
        <translation>局域网聊天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_page.py" line="19"/>
        <source>Chat with IP Messenger, FeiQ (飞秋) and iptux users on your network, on port 2425.</source>
        <translation>在 2425 端口与局域网内的 IP Messenger、飞秋和 iptux 用户聊天。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_page.py" line="24"/>
        <source>Everyone on the LAN in one roster, grouped, with status</source>
        <translation>局域网内所有用户集中在一个分组好友列表中，并显示状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_page.py" line="27"/>
        <source>Chat with delivery and read receipts, in Chinese and any language</source>
        <translation>带送达与已读回执的聊天，支持中文及任何语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_page.py" line="31"/>
        <source>Files and folders</source>
        <translation>文件与文件夹传输</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_page.py" line="32"/>
        <source>History that is never lost</source>
        <translation>永不丢失的聊天记录</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../desktop/ui/widgets/notice_banner.py" line="26"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RecordLogModel</name>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="40"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="40"/>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="40"/>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="40"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="107"/>
        <source>received from {peer}</source>
        <translation>接收自 {peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="108"/>
        <source>sent to {peer}</source>
        <translation>发送到 {peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="109"/>
        <source>session event</source>
        <translation>会话事件</translation>
    </message>
</context>
<context>
    <name>TcpClientPanel</name>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="66"/>
        <source>host name or address</source>
        <translation>主机名或地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="76"/>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="84"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="86"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="88"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="110"/>
        <source>Follow new data</source>
        <translation>自动滚动到新数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="112"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="114"/>
        <source>Clear the log (Ctrl+L)</source>
        <translation>清空日志 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="122"/>
        <source>Text to send — press Enter</source>
        <translation>要发送的文本 — 按回车发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="125"/>
        <source>No line ending</source>
        <translation>无换行符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="132"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="166"/>
        <source>Enter a host name or address to connect to.</source>
        <translation>请输入要连接的主机名或地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="176"/>
        <source>Connecting to {host}:{port}…</source>
        <translation>正在连接 {host}:{port}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="186"/>
        <source>Connect first: there is no open connection.</source>
        <translation>请先连接：当前没有已打开的连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="199"/>
        <source>Connected to {peer} from {local}</source>
        <translation>已从 {local} 连接到 {peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="200"/>
        <source>Connected to {peer}</source>
        <translation>已连接到 {peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="207"/>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="247"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="239"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="240"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="241"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
</context>
<context>
    <name>TrafficLabel</name>
    <message>
        <location filename="../../desktop/ui/widgets/traffic_label.py" line="24"/>
        <source>Received {received} bytes, sent {sent} bytes</source>
        <translation>已接收 {received} 字节，已发送 {sent} 字节</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="23"/>
        <source>&lt;b&gt;TCP client&lt;/b&gt; — connect to a server, send text, watch every byte that comes back.</source>
        <translation>&lt;b&gt;TCP 客户端&lt;/b&gt; — 连接服务器、发送文本，查看返回的每一个字节。</translation>
    </message>
</context>
</TS>
