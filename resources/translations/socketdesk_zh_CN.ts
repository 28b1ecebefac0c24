<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="35"/>
        <source>About SocketDesk</source>
        <translation>关于 SocketDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="42"/>
        <source>Socket workbench, LAN messenger and raw HTTP composer.</source>
        <translation>套接字调试台、局域网聊天和原始 HTTP 请求编辑器。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="50"/>
        <source>Copy versions</source>
        <translation>复制版本信息</translation>
    </message>
</context>
<context>
    <name>BatchResultsModel</name>
    <message>
        <location filename="../../desktop/ui/http/batch_results.py" line="34"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/batch_results.py" line="35"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/batch_results.py" line="36"/>
        <source>First byte</source>
        <translation>首字节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/batch_results.py" line="37"/>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/batch_results.py" line="38"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/batch_results.py" line="39"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/batch_results.py" line="117"/>
        <source>reused</source>
        <translation>复用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/batch_results.py" line="117"/>
        <source>new</source>
        <translation>新建</translation>
    </message>
</context>
<context>
    <name>BatchSummary</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/batch_results.py" line="70"/>
        <source>%n exchange(s): {statuses}.</source>
        <translation>
            <numerusform>%n 次交换：{statuses}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/batch_results.py" line="72"/>
        <source>%n exchange(s): {statuses}; first bytes spread over {spread:.2f} ms.</source>
        <translation>
            <numerusform>%n 次交换：{statuses}；首字节时间相差 {spread:.2f} 毫秒。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BodyView</name>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="59"/>
        <source>Save body…</source>
        <translation>保存正文…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="60"/>
        <source>Save as received…</source>
        <translation>按原样保存…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="61"/>
        <source>The body with its content codings undone</source>
        <translation>去除内容编码（解压缩）后的正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="62"/>
        <source>The body exactly as framed on the wire</source>
        <translation>与网络上传输的帧格式完全一致的正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="102"/>
        <source>No response was parsed.</source>
        <translation>未解析到响应。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="111"/>
        <source>Decoding {size}…</source>
        <translation>正在解码 {size}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="112"/>
        <source>Decoding…</source>
        <translation>正在解码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="125"/>
        <source>The body could not be decoded.</source>
        <translation>无法解码正文。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="132"/>
        <source>Truncated at {cap}: the body decodes to more than the cap.</source>
        <translation>已在 {cap} 处截断：正文解码后超出上限。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="138"/>
        <source>{size}, read as {encoding} ({source}).</source>
        <translation>{size}，按 {encoding} 读取（{source}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="153"/>
        <source>byte-order mark</source>
        <translation>字节顺序标记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="154"/>
        <source>Content-Type charset</source>
        <translation>Content-Type 中的 charset</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="155"/>
        <source>declared in the document</source>
        <translation>文档内声明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="156"/>
        <source>valid UTF-8</source>
        <translation>有效的 UTF-8</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="157"/>
        <source>detected</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="158"/>
        <source>fallback</source>
        <translation>默认回退</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="188"/>
        <source>{size} written to {path}.</source>
        <translation>已将 {size} 写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="194"/>
        <source>Save body</source>
        <translation>保存正文</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="148"/>
        <source>TLS session</source>
        <translation>TLS 会话</translation>
    </message>
</context>
<context>
    <name>CertificateView</name>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="28"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="29"/>
        <source>ALPN: {alpn}</source>
        <translation>ALPN：{alpn}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="32"/>
        <source>SNI sent: {name}</source>
        <translation>发送的 SNI：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="41"/>
        <source>Certificates sent by the peer: {count} (leaf first).</source>
        <translation>对端发送的证书：{count} 张（叶证书在前）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="45"/>
        <source>The peer sent no certificate.</source>
        <translation>对端未发送证书。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="58"/>
        <source>Verification: not reported.</source>
        <translation>验证：未报告。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="61"/>
        <source>Verified: the chain and the name are trusted.</source>
        <translation>已验证：证书链和名称均受信任。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="66"/>
        <source>Verification failed; the connection was closed before the request was sent.</source>
        <translation>验证失败；连接已在发送请求之前关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="71"/>
        <source>Verification is off; it would have failed.</source>
        <translation>验证已关闭；若开启验证将会失败。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="87"/>
        <source>Leaf</source>
        <translation>叶证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="89"/>
        <source>Issuer {depth}</source>
        <translation>签发者 {depth}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="91"/>
        <source>(self-signed)</source>
        <translation>（自签名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="93"/>
        <source>(from the trust store, not sent)</source>
        <translation>（来自信任库，对端未发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="98"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="99"/>
        <source>Issuer</source>
        <translation>签发者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="100"/>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="101"/>
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="102"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="105"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ChatDelegate</name>
    <message>
        <location filename="../../desktop/ui/messenger/chat_delegate.py" line="84"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_delegate.py" line="86"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_delegate.py" line="199"/>
        <source>New messages</source>
        <translation>新消息</translation>
    </message>
</context>
<context>
    <name>ChatModel</name>
    <message>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="264"/>
        <source>🔒 Sealed message: double-click to open</source>
        <translation>🔒 密封消息：双击打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="275"/>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="277"/>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="292"/>
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="280"/>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="295"/>
        <source>not delivered: {reason}</source>
        <translation>未送达：{reason}</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="79"/>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="141"/>
        <source>Choose someone in the list to chat with.</source>
        <translation>从列表中选择要聊天的人。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="92"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="108"/>
        <source>Message (Enter sends, Shift+Enter: new line)</source>
        <translation>消息（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="111"/>
        <source>Sealed</source>
        <translation>密封</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="112"/>
        <source>The peer must open it; you are told when they do.</source>
        <translation>对方须打开才能查看；对方打开时你会收到通知。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="113"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="208"/>
        <source>Open {link}</source>
        <translation>打开 {link}</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <location filename="../../desktop/ui/workbench/client_table_model.py" line="28"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/client_table_model.py" line="29"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/client_table_model.py" line="30"/>
        <source>Since</source>
        <translation>连接时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/client_table_model.py" line="31"/>
        <source>In</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/client_table_model.py" line="32"/>
        <source>Out</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/client_table_model.py" line="33"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="111"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="172"/>
        <source>The request is empty: nothing was sent.</source>
        <translation>请求为空：未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="313"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="239"/>
        <source>Imported the curl command.</source>
        <translation>已导入 curl 命令。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="112"/>
        <source>Cookies</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="259"/>
        <source>Copied the Python script.</source>
        <translation>已复制 Python 脚本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="293"/>
        <source>The history does not keep the TLS session details.</source>
        <translation>历史记录不保存 TLS 会话详情。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="297"/>
        <source>Restored from the history.</source>
        <translation>已从历史记录恢复。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/composer_panel.py" line="378"/>
        <source>{status} from {peer}, %n byte(s) received.</source>
        <translation>
            <numerusform>{status}，来自 {peer}，已接收 %n 字节。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="261"/>
        <source>Copied the curl command.</source>
        <translation>已复制 curl 命令。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="300"/>
        <source>The stored response was cut at {size}.</source>
        <translation>保存的响应已在 {size} 处截断。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="348"/>
        <source>Import curl</source>
        <translation>导入 curl</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="348"/>
        <source>Paste a curl command line:</source>
        <translation>粘贴 curl 命令行：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/composer_panel.py" line="371"/>
        <source>Followed %n redirect(s).</source>
        <translation>
            <numerusform>已跟随 %n 次重定向。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <location filename="../../desktop/ui/messenger/control_bar.py" line="37"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/control_bar.py" line="38"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/control_bar.py" line="40"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/control_bar.py" line="79"/>
        <source>Use port {port}</source>
        <translation>使用端口 {port}</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../desktop/ui/messenger/conversation_list.py" line="163"/>
        <source>Recent conversations (right-click to close one)</source>
        <translation>最近会话（右键单击可关闭）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/conversation_list.py" line="205"/>
        <source>Close conversation</source>
        <translation>关闭会话</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <location filename="../../desktop/ui/messenger/conversation_list.py" line="139"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/conversation_list.py" line="139"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>Conversations</name>
    <message>
        <location filename="../../desktop/ui/messenger/conversations.py" line="128"/>
        <location filename="../../desktop/ui/messenger/conversations.py" line="145"/>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/conversations.py" line="131"/>
        <location filename="../../desktop/ui/messenger/conversations.py" line="288"/>
        <source>Sealed message</source>
        <translation>密封消息</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/messenger/conversations.py" line="227"/>
        <source>sent to %n user(s)</source>
        <translation>
            <numerusform>已发送给 %n 位用户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/conversations.py" line="230"/>
        <source>nobody is in the list</source>
        <translation>列表中没有用户</translation>
    </message>
</context>
<context>
    <name>CookiesModel</name>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="33"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="34"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="35"/>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="36"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="37"/>
        <source>Secure</source>
        <translation>Secure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="38"/>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="81"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="84"/>
        <source>session</source>
        <translation>会话</translation>
    </message>
</context>
<context>
    <name>CookiesView</name>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="107"/>
        <source>Send jar cookies with requests</source>
        <translation>随请求发送已保存的 Cookie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="110"/>
        <source>Adds a Cookie header (outside exact mode); cookies typed in it win.</source>
        <translation>添加 Cookie 请求头（精确字节模式除外）；请求中手动填写的 Cookie 优先。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/cookies_view.py" line="112"/>
        <source>Clear</source>
        <translation>清空</translation>
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
    <name>ExportButton</name>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="148"/>
        <source>curl / Python</source>
        <translation>curl / Python</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="151"/>
        <source>Import curl…</source>
        <translation>导入 curl…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="152"/>
        <source>Copy as curl</source>
        <translation>复制为 curl</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="153"/>
        <source>Copy as Python</source>
        <translation>复制为 Python</translation>
    </message>
</context>
<context>
    <name>HeadersModel</name>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="62"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="69"/>
        <source>{name} (trailer)</source>
        <translation>{name}（尾部字段）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="94"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="94"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="69"/>
        <source>Search the history</source>
        <translation>搜索历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="77"/>
        <source>Compare responses</source>
        <translation>比较响应</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="78"/>
        <source>Select two exchanges (Ctrl+click) to compare</source>
        <translation>选择两条记录（Ctrl+单击）进行比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="118"/>
        <source>Select exactly two exchanges to compare.</source>
        <translation>请恰好选择两条记录进行比较。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="136"/>
        <source>Comparison unavailable in this version.</source>
        <translation>此版本不支持比较。</translation>
    </message>
</context>
<context>
    <name>HistorySearch</name>
    <message>
        <location filename="../../desktop/ui/messenger/history_search.py" line="43"/>
        <source>No message contains “{text}”.</source>
        <translation>没有消息包含“{text}”。</translation>
    </message>
</context>
<context>
    <name>HttpBridge</name>
    <message>
        <location filename="../../desktop/workers/http_bridge.py" line="106"/>
        <source>The request is empty: nothing was sent.</source>
        <translation>请求为空：未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/workers/http_bridge.py" line="143"/>
        <source>A request is already running; cancel it first.</source>
        <translation>已有请求正在进行；请先取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/workers/http_bridge.py" line="175"/>
        <location filename="../../desktop/workers/http_bridge.py" line="195"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>IdentityPane</name>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="93"/>
        <source>Identity and network</source>
        <translation>身份与网络</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="98"/>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="100"/>
        <source>Group (optional)</source>
        <translation>分组（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="103"/>
        <source>Where to listen and announce: every interface, or only one</source>
        <translation>在哪里监听和通告上线：所有网络接口，或仅其中一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="108"/>
        <source>0 lets the system pick a free port</source>
        <translation>0 表示由系统选择空闲端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="112"/>
        <source>Extra broadcast targets: addresses, subnets (a.b.c.0/24) or ranges, comma-separated</source>
        <translation>额外广播目标：地址、子网（a.b.c.0/24）或地址范围，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="119"/>
        <source>How text without a UTF-8 flag is read and written (CP936, CP932…)</source>
        <translation>未带 UTF-8 标志的文本按何种编码读写（CP936、CP932…）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="127"/>
        <source>Nickname / group</source>
        <translation>昵称 / 分组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="132"/>
        <source>Interface, port, code page</source>
        <translation>网络接口、端口、代码页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="133"/>
        <source>Targets</source>
        <translation>广播目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="145"/>
        <source>All interfaces</source>
        <translation>所有网络接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="178"/>
        <source>no network interface</source>
        <translation>没有网络接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="209"/>
        <source>{where} has no broadcast address; only the extra targets are announced to.</source>
        <translation>{where} 没有广播地址；只向额外的广播目标通告上线。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="215"/>
        <source>{where} has no broadcast address, so other users cannot find you: choose another interface, or add targets.</source>
        <translation>{where} 没有广播地址，其他用户无法发现你：请选择其他网络接口，或添加广播目标。</translation>
    </message>
</context>
<context>
    <name>ImagePreview</name>
    <message>
        <location filename="../../desktop/ui/http/image_preview.py" line="26"/>
        <source>The image claims {width} × {height} pixels: not decoded.</source>
        <translation>图像声称有 {width} × {height} 像素：未解码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/image_preview.py" line="32"/>
        <source>The image could not be decoded ({reason}).</source>
        <translation>无法解码图像（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/image_preview.py" line="79"/>
        <source>{kind} image, {width} × {height} pixels, {size} bytes.</source>
        <translation>{kind} 图像，{width} × {height} 像素，{size} 字节。</translation>
    </message>
</context>
<context>
    <name>ListeningPanel</name>
    <message>
        <location filename="../../desktop/ui/workbench/listening_panel.py" line="59"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/listening_panel.py" line="59"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="83"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="84"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="88"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="91"/>
        <source>Pause view</source>
        <translation>暂停显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="92"/>
        <source>Freeze the view; capture and counters go on</source>
        <translation>冻结显示；数据捕获和计数仍在继续</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="93"/>
        <source>Follow</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="96"/>
        <source>Search text or hex — Enter: next</source>
        <translation>搜索文本或十六进制 — Enter：下一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="99"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="102"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="106"/>
        <source>Log as text…</source>
        <translation>文本日志…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="107"/>
        <source>Hexdump…</source>
        <translation>十六进制转储…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="108"/>
        <source>Received bytes…</source>
        <translation>接收的原始字节…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="109"/>
        <source>pcapng for Wireshark…</source>
        <translation>pcapng（用于 Wireshark）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="150"/>
        <source>Select a row to see all its bytes</source>
        <translation>选择一行以查看其全部字节</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/log_view.py" line="180"/>
        <source>Paused: %n new record(s) waiting</source>
        <translation>
            <numerusform>已暂停：%n 条新记录等待显示</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="235"/>
        <source>Auto ({name})</source>
        <translation>自动（{name}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="246"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="265"/>
        <source>… {more} more bytes not shown (export to see them)</source>
        <translation>… 另有 {more} 字节未显示（导出后可查看）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="274"/>
        <source>Type text or hex bytes to search for</source>
        <translation>请输入要搜索的文本或十六进制字节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="289"/>
        <source>Not found: {text}</source>
        <translation>未找到：{text}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="80"/>
        <source>Workbench</source>
        <translation>调试台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="81"/>
        <location filename="../../desktop/ui/main_window.py" line="217"/>
        <source>Messenger</source>
        <translation>局域网聊天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="84"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="97"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="98"/>
        <source>New TCP &amp;client session</source>
        <translation>新建 TCP 客户端会话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="100"/>
        <source>New TCP &amp;server session</source>
        <translation>新建 TCP 服务器会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="102"/>
        <source>New TCP &amp;relay session</source>
        <translation>新建 TCP 中继会话(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="105"/>
        <source>Close session &amp;tab</source>
        <translation>关闭会话标签页(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="108"/>
        <location filename="../../desktop/ui/main_window.py" line="266"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="114"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="115"/>
        <source>Clear &amp;log</source>
        <translation>清空日志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="117"/>
        <source>Go to &amp;send box</source>
        <translation>转到发送框(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="119"/>
        <source>&amp;Find in log</source>
        <translation>在日志中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="122"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="131"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="134"/>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="135"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="136"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="140"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="142"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="145"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="146"/>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="148"/>
        <source>Keep the Messenger running in the tray when the window is closed</source>
        <translation>关闭窗口时让局域网聊天在托盘中继续运行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="153"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="154"/>
        <source>&amp;About SocketDesk</source>
        <translation>关于 SocketDesk(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="227"/>
        <source>%n TCP server(s)</source>
        <translation>
            <numerusform>%n 个 TCP 服务器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="229"/>
        <source>%n TCP relay(s)</source>
        <translation>
            <numerusform>%n 个 TCP 中继</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="231"/>
        <source>the Messenger</source>
        <translation>局域网聊天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="258"/>
        <source>Quit SocketDesk</source>
        <translation>退出 SocketDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="260"/>
        <source>Still running: {running}. Quitting stops them and closes their connections.</source>
        <translation>仍在运行：{running}。退出将停止它们并关闭其连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="269"/>
        <source>Don&apos;t ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="393"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="395"/>
        <source>SocketDesk will be in {language} the next time it starts. Quit and start it again to change the language now.</source>
        <translation>SocketDesk 下次启动时将使用 {language}。如需立即切换语言，请退出后重新启动。</translation>
    </message>
</context>
<context>
    <name>MessengerBridge</name>
    <message>
        <location filename="../../desktop/workers/messenger_bridge.py" line="160"/>
        <source>The messenger is already running; stop it first.</source>
        <translation>聊天已在运行；请先停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/workers/messenger_bridge.py" line="212"/>
        <location filename="../../desktop/workers/messenger_bridge.py" line="224"/>
        <source>The messenger is not running.</source>
        <translation>聊天未在运行。</translation>
    </message>
</context>
<context>
    <name>MessengerPanel</name>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="345"/>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="511"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="347"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="208"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="220"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="317"/>
        <source>{names} has left; the message was not delivered.</source>
        <translation>{names} 已离开；消息未送达。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="330"/>
        <source>Listening on {address}</source>
        <translation>正在 {address} 上监听</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="331"/>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="511"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="199"/>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="338"/>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="366"/>
        <source>{name} left: {reason}</source>
        <translation>{name} 已离开：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="376"/>
        <source>(files offered: {files})</source>
        <translation>（对方发送了文件：{files}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="384"/>
        <source>Sealed message</source>
        <translation>密封消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="407"/>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="414"/>
        <source>{name}: {text}</source>
        <translation>{name}：{text}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="460"/>
        <source>To %n (person|people): {names}</source>
        <translation>
            <numerusform>发给 %n 人：{names}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="462"/>
        <source>Broadcast: to everyone in the list, without acknowledgement</source>
        <translation>广播：发给列表中的所有人，无送达确认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="468"/>
        <source>{name} (offline: messages cannot be delivered)</source>
        <translation>{name}（离线：消息无法送达）</translation>
    </message>
</context>
<context>
    <name>MessengerTray</name>
    <message>
        <location filename="../../desktop/ui/messenger/tray.py" line="94"/>
        <source>Show SocketDesk</source>
        <translation>显示 SocketDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/tray.py" line="95"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/tray.py" line="123"/>
        <source>SocketDesk: {n} unread</source>
        <translation>SocketDesk：{n} 条未读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/tray.py" line="142"/>
        <source>The Messenger keeps running here; File ▸ Quit ends SocketDesk.</source>
        <translation>局域网聊天在此继续运行；选择“文件 ▸ 退出”可关闭 SocketDesk。</translation>
    </message>
</context>
<context>
    <name>NoticeRow</name>
    <message>
        <location filename="../../desktop/ui/widgets/notice_banner.py" line="42"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PagedText</name>
    <message>
        <location filename="../../desktop/ui/http/paged_text.py" line="41"/>
        <source>First page</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/paged_text.py" line="42"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/paged_text.py" line="43"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/paged_text.py" line="44"/>
        <source>Last page</source>
        <translation>末页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/paged_text.py" line="52"/>
        <source>Page</source>
        <translation>第</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/paged_text.py" line="80"/>
        <source>of %n</source>
        <translation>
            <numerusform>页，共 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeerMenu</name>
    <message>
        <location filename="../../desktop/ui/messenger/peer_menu.py" line="24"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/peer_menu.py" line="26"/>
        <source>Auto (detected)</source>
        <translation>自动（检测）</translation>
    </message>
</context>
<context>
    <name>PrettyView</name>
    <message>
        <location filename="../../desktop/ui/http/pretty_view.py" line="42"/>
        <source>Show the plain body</source>
        <translation>显示未格式化的正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/pretty_view.py" line="79"/>
        <source>Not JSON, XML or HTML: nothing to format.</source>
        <translation>不是 JSON、XML 或 HTML：无需格式化。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/pretty_view.py" line="85"/>
        <source>The body is {size} bytes: only bodies up to {limit} bytes are formatted.</source>
        <translation>正文有 {size} 字节：仅格式化不超过 {limit} 字节的正文。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/pretty_view.py" line="101"/>
        <source>Formatting…</source>
        <translation>正在格式化…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/pretty_view.py" line="117"/>
        <source>The body could not be formatted.</source>
        <translation>无法格式化正文。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/pretty_view.py" line="122"/>
        <source>{kind}, formatted.</source>
        <translation>{kind}，已格式化。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/pretty_view.py" line="125"/>
        <source>Not valid {kind}: highlighted as received.</source>
        <translation>不是有效的 {kind}：按原样高亮显示。</translation>
    </message>
</context>
<context>
    <name>RawView</name>
    <message>
        <location filename="../../desktop/ui/http/raw_view.py" line="63"/>
        <source>Parsing failed here; the rest is shown as received.</source>
        <translation>解析在此处失败；其余内容按原样显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/raw_view.py" line="67"/>
        <source>No anomalies: the response is well-formed.</source>
        <translation>无异常：响应格式正确。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/raw_view.py" line="76"/>
        <source>At byte {offset}: {message}</source>
        <translation>第 {offset} 字节处：{message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/raw_view.py" line="79"/>
        <source>Click to show this byte</source>
        <translation>单击以显示此字节</translation>
    </message>
</context>
<context>
    <name>RecordLogModel</name>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="66"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="67"/>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="68"/>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="69"/>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="70"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="190"/>
        <source>received from {peer}</source>
        <translation>接收自 {peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="191"/>
        <source>sent to {peer}</source>
        <translation>发送到 {peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="192"/>
        <source>session event</source>
        <translation>会话事件</translation>
    </message>
</context>
<context>
    <name>RelayPanel</name>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="65"/>
        <source>all addresses</source>
        <translation>所有地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="69"/>
        <source>any free</source>
        <translation>自动分配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="74"/>
        <source>TLS to target</source>
        <translation>目标端 TLS</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="75"/>
        <source>verify</source>
        <translation>验证证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="76"/>
        <source>TLS to clients (self-signed)</source>
        <translation>客户端侧 TLS（自签名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="78"/>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="81"/>
        <source>→ Target</source>
        <translation>→ 目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="94"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="94"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="94"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="94"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="105"/>
        <source>Inject toward the target</source>
        <translation>向目标端注入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="106"/>
        <source>Inject toward the client</source>
        <translation>向客户端注入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="107"/>
        <source>Close pair</source>
        <translation>关闭连接对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="108"/>
        <source>Target certificate…</source>
        <translation>目标端证书…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="130"/>
        <source>Enter the target host to forward to.</source>
        <translation>请输入要转发到的目标主机。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="166"/>
        <source>Start the relay first.</source>
        <translation>请先启动中继。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="225"/>
        <source>Pair {pair}: target TLS {version}, {count} certificates sent. {outcome}</source>
        <translation>连接对 {pair}：目标端 TLS {version}，对端发送了 {count} 张证书。{outcome}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="190"/>
        <source>Relay :{port} → {target}</source>
        <translation>中继 :{port} → {target}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="213"/>
        <source>open</source>
        <translation>已连接</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <location filename="../../desktop/ui/http/request_editor.py" line="172"/>
        <source>GET / HTTP/1.1
Host: example.com</source>
        <translation>GET / HTTP/1.1
Host: example.com</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_editor.py" line="174"/>
        <source>Exact bytes (no CRLF or Content-Length fixes)</source>
        <translation>精确字节（不修正 CRLF 和 Content-Length）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_editor.py" line="175"/>
        <source>Automatic Content-Length</source>
        <translation>自动 Content-Length</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_editor.py" line="177"/>
        <source>Show line endings</source>
        <translation>显示换行符</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/request_editor.py" line="333"/>
        <source>Sending the %n byte(s) set in hex exactly; typing replaces them.</source>
        <translation>
            <numerusform>将精确发送在十六进制中设置的 %n 字节；在此输入会替换它们。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/request_editor.py" line="339"/>
        <source>%n request(s) in the pipeline.</source>
        <translation>
            <numerusform>管道中有 %n 个请求。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/request_editor.py" line="348"/>
        <source>Content-Length says {typed} but the body has %n byte(s).</source>
        <translation>
            <numerusform>Content-Length 为 {typed}，但正文有 %n 字节。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/request_editor.py" line="354"/>
        <source>Content-Length is set to the body&apos;s length: %n byte(s).</source>
        <translation>
            <numerusform>Content-Length 已设为正文长度：%n 字节。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestHexEditor</name>
    <message>
        <location filename="../../desktop/ui/http/request_hex.py" line="49"/>
        <source>Apply hex (send these exact bytes)</source>
        <translation>应用十六进制（精确发送这些字节）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_hex.py" line="70"/>
        <source>The request has {size} bytes: hex editing stops at {limit}.</source>
        <translation>请求有 {size} 字节：十六进制编辑最多支持 {limit} 字节。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/request_hex.py" line="79"/>
        <source>%n byte(s).</source>
        <translation>
            <numerusform>%n 字节。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/request_hex.py" line="102"/>
        <source>Applied: %n byte(s) to send exactly.</source>
        <translation>
            <numerusform>已应用：将精确发送 %n 字节。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestPane</name>
    <message>
        <location filename="../../desktop/ui/http/request_pane.py" line="46"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_pane.py" line="47"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
</context>
<context>
    <name>ResponseDiffDialog</name>
    <message>
        <location filename="../../desktop/ui/http/diff_view.py" line="171"/>
        <source>Compare responses</source>
        <translation>比较响应</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/diff_view.py" line="182"/>
        <source>%n line(s) differ.</source>
        <translation>
            <numerusform>%n 行不同。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/diff_view.py" line="182"/>
        <source>No difference.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/diff_view.py" line="234"/>
        <source>Status line and headers</source>
        <translation>状态行和响应头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/diff_view.py" line="234"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
</context>
<context>
    <name>ResponseView</name>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="132"/>
        <source>Name lookup</source>
        <translation>域名解析</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="133"/>
        <source>TCP connect</source>
        <translation>TCP 连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="134"/>
        <source>TLS handshake</source>
        <translation>TLS 握手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="135"/>
        <source>Request written</source>
        <translation>请求已写出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="136"/>
        <source>Waiting (TTFB)</source>
        <translation>等待首字节 (TTFB)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="137"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="138"/>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="143"/>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="144"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="145"/>
        <source>Headers</source>
        <translation>响应头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="146"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="147"/>
        <source>Pretty</source>
        <translation>格式化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="148"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="228"/>
        <source>Truncated at {cap}: the response reached the cap; {more} received after it were not kept.</source>
        <translation>已在 {cap} 处截断：响应达到上限，之后接收的 {more} 未保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="240"/>
        <source>The body is not an image.</source>
        <translation>正文不是图像。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="246"/>
        <source>The image is {size}: no preview above {limit}.</source>
        <translation>图像大小为 {size}：超过 {limit} 不提供预览。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="252"/>
        <source>Decoding the image…</source>
        <translation>正在解码图像…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="261"/>
        <source>No preview.</source>
        <translation>无预览。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="149"/>
        <source>Timings</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="150"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="211"/>
        <source>{ms:.1f} ms</source>
        <translation>{ms:.1f} ms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="215"/>
        <source>Plain TCP: no TLS.</source>
        <translation>普通 TCP：未使用 TLS。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="206"/>
        <source>No response was parsed.</source>
        <translation>未解析到响应。</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../desktop/ui/messenger/roster_model.py" line="44"/>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_model.py" line="45"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_model.py" line="46"/>
        <source>User@host</source>
        <translation>用户@主机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_model.py" line="47"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_model.py" line="48"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_model.py" line="49"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_model.py" line="50"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_model.py" line="51"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_model.py" line="170"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
</context>
<context>
    <name>RosterPane</name>
    <message>
        <location filename="../../desktop/ui/messenger/roster_pane.py" line="49"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_pane.py" line="54"/>
        <source>Search history</source>
        <translation>搜索历史</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_pane.py" line="62"/>
        <source>Double-click a message to open it</source>
        <translation>双击消息即可打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_pane.py" line="72"/>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_pane.py" line="77"/>
        <source>On the network</source>
        <translation>网络中的用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_pane.py" line="97"/>
        <source>List the past messages that contain the text of the search box</source>
        <translation>列出包含搜索框中文本的历史消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_pane.py" line="99"/>
        <source>Type words in the search box to search the history</source>
        <translation>在搜索框中输入关键词以搜索历史消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_pane.py" line="58"/>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/roster_pane.py" line="59"/>
        <source>A message to everyone in the list</source>
        <translation>向列表中的所有人发送消息</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="44"/>
        <source>Match</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="44"/>
        <source>Pattern</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="44"/>
        <source>As</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="44"/>
        <source>Response</source>
        <translation>应答</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="58"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="59"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="87"/>
        <source>Hide the rules (they keep answering)</source>
        <translation>隐藏规则（规则仍会继续应答）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="89"/>
        <source>Show the rules to edit them</source>
        <translation>显示规则以便编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="101"/>
        <source>Auto-reply rules: {count}</source>
        <translation>自动应答规则：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="121"/>
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="122"/>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="123"/>
        <source>starts with</source>
        <translation>开头为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="124"/>
        <source>regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="129"/>
        <source>Text + escapes</source>
        <translation>文本（含转义）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="130"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="164"/>
        <source>Rule {row}: the pattern is empty.</source>
        <translation>规则 {row}：匹配内容为空。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="177"/>
        <source>Rule {row}: {problem}</source>
        <translation>规则 {row}：{problem}</translation>
    </message>
</context>
<context>
    <name>SendBar</name>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="57"/>
        <source>Send once</source>
        <translation>发送一次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="58"/>
        <source>Send N times</source>
        <translation>发送 N 次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="59"/>
        <source>Race N (last-byte sync)</source>
        <translation>并发竞争 N 次（末字节同步）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="62"/>
        <source>Pipeline (split at “{separator}”)</source>
        <translation>管道化（按“{separator}”拆分）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="70"/>
        <source>Reuse connection</source>
        <translation>复用连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="73"/>
        <source>Follow redirects automatically</source>
        <translation>自动跟随重定向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="77"/>
        <source>max </source>
        <translation>最多 </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="78"/>
        <source>Follow redirect</source>
        <translation>跟随重定向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="83"/>
        <source>keep </source>
        <translation>保留 </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="84"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="86"/>
        <source>Bytes of a response kept and shown; beyond them it is cut with a notice.</source>
        <translation>响应中保留并显示的字节数；超出部分将被截断并给出提示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="88"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="90"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="150"/>
        <source>Kept alive: {peer}</source>
        <translation>保持连接：{peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="152"/>
        <source>No open connection</source>
        <translation>没有已打开的连接</translation>
    </message>
</context>
<context>
    <name>SendBox</name>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="111"/>
        <source>Data to send — Enter sends, Shift+Enter starts a new line. Hex: 48 65 6c 6c 6f · Escapes: \r \n \t \0 \xNN \\ · Fields: {{counter}} {{date}} {{time}} {{unix}} {{random:N}}</source>
        <translation>要发送的数据 — Enter 发送，Shift+Enter 换行。十六进制：48 65 6c 6c 6f · 转义：\r \n \t \0 \xNN \\ · 字段：{{counter}} {{date}} {{time}} {{unix}} {{random:N}}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="127"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="128"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="129"/>
        <source>Text + escapes</source>
        <translation>文本（含转义）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="137"/>
        <source>No line ending</source>
        <translation>无换行符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="145"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="148"/>
        <source>Expand {{counter}}, {{date}}, {{time}}, {{unix}} and {{random:N}} when sending</source>
        <translation>发送时替换 {{counter}}、{{date}}、{{time}}、{{unix}} 和 {{random:N}}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="151"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="168"/>
        <source>forever</source>
        <translation>无限次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="169"/>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="170"/>
        <location filename="../../desktop/ui/widgets/send_box.py" line="356"/>
        <source>Repeat</source>
        <translation>定时发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="172"/>
        <source>Send every interval, on the I/O thread&apos;s clock</source>
        <translation>按设定间隔重复发送（由 I/O 线程计时）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="174"/>
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="180"/>
        <source>Send file…</source>
        <translation>发送文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="184"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="194"/>
        <source>Saved messages</source>
        <translation>已保存的消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="195"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="196"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="262"/>
        <source>Hex sends exactly the bytes typed: type 0d 0a for a line ending</source>
        <translation>十六进制模式按输入的字节原样发送：换行请输入 0d 0a</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="264"/>
        <source>Appended to each message</source>
        <translation>附加在每条消息末尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="272"/>
        <source>Delete the chosen saved message</source>
        <translation>删除选中的已保存消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="274"/>
        <source>Choose a saved message to delete it</source>
        <translation>请先选择要删除的已保存消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="356"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="362"/>
        <source>Send a file</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="409"/>
        <source>Save message</source>
        <translation>保存消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="409"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <location filename="../../desktop/ui/workbench/session_panel.py" line="85"/>
        <source>Save received data to a file…</source>
        <translation>将接收的数据保存到文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/session_panel.py" line="240"/>
        <source>Save received data to</source>
        <translation>将接收的数据保存到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/session_panel.py" line="258"/>
        <source>Nothing to export yet: no connection was made.</source>
        <translation>暂无可导出的内容：尚未建立过连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/session_panel.py" line="264"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/session_panel.py" line="291"/>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>StatusSelector</name>
    <message>
        <location filename="../../desktop/ui/messenger/status_selector.py" line="49"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/status_selector.py" line="50"/>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/status_selector.py" line="18"/>
        <source>I am away from my desk.</source>
        <translation>我暂时不在座位上。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/status_selector.py" line="19"/>
        <source>In a meeting; I will answer later.</source>
        <translation>正在开会，稍后回复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/status_selector.py" line="20"/>
        <source>Out for lunch.</source>
        <translation>外出吃午饭了。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/status_selector.py" line="21"/>
        <source>Gone for the day.</source>
        <translation>今天已下班。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/status_selector.py" line="54"/>
        <source>Sent once to whoever writes to you while you are away</source>
        <translation>离开期间有人给你发消息时，向其自动回复一次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/status_selector.py" line="58"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>TargetBar</name>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="85"/>
        <location filename="../../desktop/ui/http/target_bar.py" line="137"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="89"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="90"/>
        <source>Verify certificate</source>
        <translation>验证证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="93"/>
        <source>SNI (default: host)</source>
        <translation>SNI（默认：主机名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="94"/>
        <source>SNI for IP addresses</source>
        <translation>IP 地址也发送 SNI</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="96"/>
        <source>Send the address in SNI too (RFC 6066 allows names only)</source>
        <translation>目标为 IP 地址时也在 SNI 中发送（RFC 6066 仅允许主机名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="98"/>
        <source>Legacy TLS 1.0/1.1</source>
        <translation>旧版 TLS 1.0/1.1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="100"/>
        <source>Allow TLS 1.0 and 1.1 and weak ciphers, for old servers and devices</source>
        <translation>允许 TLS 1.0、1.1 和弱加密套件，用于旧服务器和设备</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="102"/>
        <source>ALPN http/1.1</source>
        <translation>ALPN http/1.1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="103"/>
        <source>CA file (PEM)</source>
        <translation>CA 文件（PEM）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="104"/>
        <source>Client certificate (PEM)</source>
        <translation>客户端证书（PEM）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="105"/>
        <source>Key (PEM, if not in the certificate)</source>
        <translation>私钥（PEM，如未包含在证书中）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="107"/>
        <source>Choose the CA file…</source>
        <translation>选择 CA 文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="108"/>
        <source>Choose the client certificate…</source>
        <translation>选择客户端证书…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="109"/>
        <source>Choose the key file…</source>
        <translation>选择私钥文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="113"/>
        <source>none</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="139"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="158"/>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="159"/>
        <source>Read timeout</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="160"/>
        <source>Total timeout</source>
        <translation>总超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="179"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="258"/>
        <source>Type a host to connect to.</source>
        <translation>请输入要连接的主机。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="283"/>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="291"/>
        <source>Choose the CA file</source>
        <translation>选择 CA 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="295"/>
        <source>Choose the client certificate</source>
        <translation>选择客户端证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="299"/>
        <source>Choose the client key</source>
        <translation>选择客户端私钥</translation>
    </message>
</context>
<context>
    <name>TcpClientPanel</name>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="63"/>
        <source>host name or address</source>
        <translation>主机名或地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="73"/>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="75"/>
        <source>TLS options…</source>
        <translation>TLS 选项…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="76"/>
        <source>Certificate…</source>
        <translation>证书…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="81"/>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="85"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="86"/>
        <source>Reconnect automatically</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="89"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="91"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="93"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="99"/>
        <source>Local address</source>
        <translation>本地地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="101"/>
        <source>Local port</source>
        <translation>本地端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="223"/>
        <source>TLS {version}, {cipher}: {count} certificates sent (leaf {leaf}). {outcome}</source>
        <translation>TLS {version}，{cipher}：对端发送了 {count} 张证书（叶证书 {leaf}）。{outcome}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="240"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="130"/>
        <source>Enter a host name or address to connect to.</source>
        <translation>请输入要连接的主机名或地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="170"/>
        <source>Connect first: there is no open connection.</source>
        <translation>请先连接：当前没有已打开的连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="198"/>
        <source>Connected to {peer} from {local}</source>
        <translation>已从 {local} 连接到 {peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="237"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="238"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_client_panel.py" line="239"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
</context>
<context>
    <name>TcpServerPanel</name>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="60"/>
        <source>all addresses (IPv4 and IPv6)</source>
        <translation>所有地址（IPv4 和 IPv6）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="64"/>
        <source>any free</source>
        <translation>自动分配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="68"/>
        <source>Plain</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="69"/>
        <source>Echo</source>
        <translation>回显</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="70"/>
        <source>Auto-reply rules</source>
        <translation>自动应答规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="75"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="76"/>
        <source>Most clients at once</source>
        <translation>同时连接的最大客户端数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="77"/>
        <source>TLS (self-signed)</source>
        <translation>TLS（自签名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="79"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="81"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="84"/>
        <source>Max clients</source>
        <translation>最大客户端数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="114"/>
        <source>Send to every client</source>
        <translation>发送给所有客户端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="115"/>
        <source>Send to selected clients</source>
        <translation>发送给选中的客户端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="116"/>
        <source>Log of the selected client only</source>
        <translation>仅显示选中客户端的日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="117"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="167"/>
        <source>Start the server first.</source>
        <translation>请先启动服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="173"/>
        <source>Select one or more clients in the table first.</source>
        <translation>请先在表格中选择一个或多个客户端。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="233"/>
        <source>Server :{port}</source>
        <translation>服务器 :{port}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="242"/>
        <source>%n client(s) connected</source>
        <translation>
            <numerusform>已连接 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="237"/>
        <source>No clients</source>
        <translation>无客户端</translation>
    </message>
</context>
<context>
    <name>TemplatesButton</name>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="97"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="100"/>
        <source>GET</source>
        <translation>GET</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="102"/>
        <source>POST form</source>
        <translation>POST 表单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="105"/>
        <source>POST JSON</source>
        <translation>POST JSON</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="107"/>
        <source>Multipart with a file…</source>
        <translation>Multipart 文件上传…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="130"/>
        <source>Choose the file to upload</source>
        <translation>选择要上传的文件</translation>
    </message>
</context>
<context>
    <name>TlsClientDialog</name>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="28"/>
        <source>TLS options</source>
        <translation>TLS 选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="29"/>
        <source>Verify the server&apos;s certificate and name</source>
        <translation>验证服务器的证书和主机名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="32"/>
        <source>the host name (default)</source>
        <translation>默认使用主机名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="33"/>
        <source>Send an IP address in SNI too</source>
        <translation>目标为 IP 地址时也发送 SNI</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="35"/>
        <source>RFC 6066 allows only host names in SNI; some servers want the address.</source>
        <translation>RFC 6066 规定 SNI 中只能使用主机名；但有些服务器需要地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="38"/>
        <source>Allow TLS 1.0 and 1.1 (old servers)</source>
        <translation>允许 TLS 1.0 和 1.1（用于旧服务器）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="47"/>
        <source>Server name (SNI)</source>
        <translation>服务器名称（SNI）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="50"/>
        <source>Trusted CA file</source>
        <translation>受信任的 CA 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="51"/>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="52"/>
        <source>Client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="53"/>
        <source>ALPN protocols</source>
        <translation>ALPN 协议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="64"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tls_client_dialog.py" line="71"/>
        <source>Choose a PEM file</source>
        <translation>选择 PEM 文件</translation>
    </message>
</context>
<context>
    <name>TrafficLabel</name>
    <message>
        <location filename="../../desktop/ui/widgets/traffic_label.py" line="69"/>
        <source>Received {received} bytes in {messages_in} reads, sent {sent} bytes in {messages_out} writes</source>
        <translation>已接收 {received} 字节（{messages_in} 次读取），已发送 {sent} 字节（{messages_out} 次写入）</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="51"/>
        <source>New session</source>
        <translation>新建会话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="54"/>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="76"/>
        <source>TCP client</source>
        <translation>TCP 客户端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="55"/>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="85"/>
        <source>TCP server</source>
        <translation>TCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="56"/>
        <source>TCP relay (man in the middle)</source>
        <translation>TCP 中继（中间人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="92"/>
        <source>TCP relay</source>
        <translation>TCP 中继</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../desktop/core/errors.py" line="69"/>
        <source>Could not connect to {address}: {detail}.</source>
        <translation>无法连接到 {address}：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="84"/>
        <source>the connection was refused (is a server listening there?)</source>
        <translation>连接被拒绝（该端口上是否有服务器在监听？）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="100"/>
        <source>no answer within {seconds} s</source>
        <translation>{seconds} 秒内无响应</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="112"/>
        <source>the host name is unknown ({reason})</source>
        <translation>无法解析主机名（{reason}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="115"/>
        <source>the host name is unknown</source>
        <translation>无法解析主机名</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="128"/>
        <source>{address} is already in use by another program.</source>
        <translation>{address} 已被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="145"/>
        <source>No permission to listen on {address} (ports below 1024 need administrator rights).</source>
        <translation>没有在 {address} 上监听的权限（1024 以下的端口需要管理员权限）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="151"/>
        <source>No permission to listen on {address}.</source>
        <translation>没有在 {address} 上监听的权限。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="164"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/files.py" line="40"/>
        <source>Could not write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="64"/>
        <source>HEAD is pipelined with other methods: responses are read as HEAD&apos;s.</source>
        <translation>HEAD 与其他方法一起管道化发送：所有响应都按 HEAD 的响应读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="89"/>
        <source>The kept-alive connection had closed; a new one was opened.</source>
        <translation>保持的连接已关闭；已新建连接。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/http/attempt.py" line="123"/>
        <source>%n byte(s) had arrived on the idle connection; they are read first.</source>
        <translation>
            <numerusform>空闲连接上已收到 %n 字节；先读取这些字节。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="156"/>
        <source>The server took no request bytes for {seconds} s (write timeout)</source>
        <translation>服务器在 {seconds} 秒内未接收任何请求字节（写入超时）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="182"/>
        <source>The exchange took longer than {seconds} s (total timeout)</source>
        <translation>交换耗时超过 {seconds} 秒（总超时）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="192"/>
        <source>The server sent nothing for {seconds} s (read timeout)</source>
        <translation>服务器在 {seconds} 秒内未发送任何数据（读取超时）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="214"/>
        <source>while connecting</source>
        <translation>当时正在连接</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/http/attempt.py" line="216"/>
        <source>after %n byte(s) (was|were) received</source>
        <translation>
            <numerusform>当时已收到 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="220"/>
        <source>before any response</source>
        <translation>当时尚未收到任何响应</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="221"/>
        <source>{why} {got}.</source>
        <translation>{why}，{got}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="238"/>
        <source>The connection was reset</source>
        <translation>连接被重置</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="241"/>
        <source>The server closed the kept-alive connection without answering (it may have dropped it as idle; send again on a new connection)</source>
        <translation>服务器未作应答就关闭了保持的连接（可能因空闲而断开；请在新连接上重新发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="249"/>
        <source>The server closed the connection without answering</source>
        <translation>服务器未作应答就关闭了连接</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="252"/>
        <source>The server closed the connection before the response was complete</source>
        <translation>服务器在响应完整之前关闭了连接</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl.py" line="105"/>
        <source>The command does not start with curl.</source>
        <translation>命令不是以 curl 开头。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl.py" line="109"/>
        <source>The curl command has no URL.</source>
        <translation>curl 命令中没有 URL。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl.py" line="139"/>
        <source>The option {name} needs a value.</source>
        <translation>选项 {name} 需要一个值。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl.py" line="191"/>
        <source>The URL {url} has an invalid port.</source>
        <translation>URL {url} 的端口无效。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl.py" line="354"/>
        <source>The URL {url} is not valid ({reason}).</source>
        <translation>URL {url} 无效（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl.py" line="362"/>
        <source>Only http and https URLs can be imported, not {scheme}.</source>
        <translation>只能导入 http 和 https URL，不支持 {scheme}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl.py" line="370"/>
        <source>The URL {url} has no host.</source>
        <translation>URL {url} 中没有主机。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/exchange.py" line="33"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="134"/>
        <source>A {status} response is not a redirect.</source>
        <translation>{status} 响应不是重定向。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="139"/>
        <source>A malformed response is not a redirect.</source>
        <translation>格式错误的响应不是重定向。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="145"/>
        <source>The {status} response has no Location header.</source>
        <translation>{status} 响应中没有 Location 头。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="158"/>
        <source>The request&apos;s URL {url} is not valid (see its Host header): a relative Location cannot be resolved against it.</source>
        <translation>请求的 URL {url} 无效（请检查其 Host 头）：无法据此解析相对的 Location。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="228"/>
        <source>Redirect loop: {url} was already requested in this chain; stopped.</source>
        <translation>重定向循环：本次跳转链中已请求过 {url}；已停止。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/http/redirect.py" line="236"/>
        <source>Stopped after %n redirect(s) (the limit).</source>
        <translation>
            <numerusform>已在 %n 次重定向后停止（达到上限）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="252"/>
        <source>The Location {location} is not a valid URL.</source>
        <translation>Location {location} 不是有效的 URL。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="259"/>
        <source>The Location {location} is not an http or https URL.</source>
        <translation>Location {location} 不是 http 或 https URL。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/shell.py" line="31"/>
        <source>The single-quoted text that starts at character {start} is never closed.</source>
        <translation>从第 {start} 个字符开始的单引号文本没有闭合。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/shell.py" line="34"/>
        <source>The double-quoted text that starts at character {start} is never closed.</source>
        <translation>从第 {start} 个字符开始的双引号文本没有闭合。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/shell.py" line="37"/>
        <source>The $&apos;…&apos; text that starts at character {start} is never closed.</source>
        <translation>从第 {start} 个字符开始的 $&apos;…&apos; 文本没有闭合。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/engine.py" line="105"/>
        <location filename="../../desktop/core/net/listen.py" line="61"/>
        <source>{host} is not an address of this machine.</source>
        <translation>{host} 不是本机的地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/engine.py" line="112"/>
        <source>{host} is not a valid IPv4 address to listen on.</source>
        <translation>{host} 不是可监听的有效 IPv4 地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/engine.py" line="118"/>
        <source>Could not open UDP {address}: {reason}.</source>
        <translation>无法打开 UDP {address}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/engine.py" line="339"/>
        <source>{source} sends more than {rate} datagrams a second; what it sends beyond that is ignored.</source>
        <translation>{source} 每秒发送超过 {rate} 个数据报；超出部分已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/engine.py" line="353"/>
        <source>More than {rate} datagrams a second are arriving; the excess is ignored, so some peers may be missed.</source>
        <translation>每秒到达的数据报超过 {rate} 个；超出部分已忽略，可能漏掉部分用户。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/engine.py" line="390"/>
        <source>Could not send a datagram to {address}: {reason}.</source>
        <translation>无法向 {address} 发送数据报：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/engine.py" line="396"/>
        <source>Could not send a datagram: {reason}.</source>
        <translation>无法发送数据报：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/engine.py" line="432"/>
        <source>Cannot listen on the broadcast address {address}; broadcasts from other users will not be heard.</source>
        <translation>无法在广播地址 {address} 上监听；将收不到其他用户的广播。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/packet_errors.py" line="26"/>
        <source>Received an IP Messenger packet that cannot be read: {reason}.</source>
        <translation>收到无法解析的飞鸽传书数据包：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/events.py" line="148"/>
        <source>signed off</source>
        <translation>已下线</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messenger_errors.py" line="18"/>
        <source>{peer} is not in the list of users.</source>
        <translation>{peer} 不在用户列表中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/ipmsg/messenger_errors.py" line="28"/>
        <source>%n message(s) are still waiting to be delivered; this one was not sent, try again in a few seconds.</source>
        <translation>
            <numerusform>仍有 %n 条消息等待送达；本条未发送，请过几秒再试。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messenger_errors.py" line="46"/>
        <source>The broadcast target {target} {reason}.</source>
        <translation>广播目标 {target} 无效：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messenger_errors.py" line="59"/>
        <source>No network interface has a broadcast address, so other IP Messenger users cannot be found: connect to a network, or give the addresses to announce to.</source>
        <translation>没有任何网络接口具有广播地址，因此找不到其他飞鸽传书用户：请连接网络，或指定要通告的地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messenger_errors.py" line="82"/>
        <source>another program</source>
        <translation>其他程序</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messenger_errors.py" line="84"/>
        <source>UDP port {port} on {host} is already in use by {owner}; quit it, or choose another port ({free} is free) and tell your peers to send to it.</source>
        <translation>{host} 上的 UDP 端口 {port} 已被 {owner} 占用；请退出该程序，或改用其他端口（{free} 可用）并告知对方发送到该端口。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messenger_errors.py" line="90"/>
        <source>UDP port {port} on {host} is already in use by {owner}; quit it, or choose another port and tell your peers to send to it.</source>
        <translation>{host} 上的 UDP 端口 {port} 已被 {owner} 占用；请退出该程序，或改用其他端口并告知对方发送到该端口。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messages.py" line="151"/>
        <source>Cannot send the IP Messenger packet: the text is too long: {size} bytes, and the peer reads {limit}.</source>
        <translation>无法发送飞鸽传书数据包：文本过长，共 {size} 字节，而对方最多读取 {limit} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messages.py" line="323"/>
        <source>Cannot send the IP Messenger packet: the text contains a NUL character, which would end it early.</source>
        <translation>无法发送飞鸽传书数据包：文本中含有 NUL 字符，会使文本提前结束。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messages.py" line="335"/>
        <source>Cannot send the IP Messenger packet: the text has {char}, which {encoding} cannot encode.</source>
        <translation>无法发送飞鸽传书数据包：文本中的 {char} 无法用 {encoding} 编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messages.py" line="346"/>
        <source>Cannot send the IP Messenger packet: the encoding {encoding} writes NUL bytes, which end the text.</source>
        <translation>无法发送飞鸽传书数据包：编码 {encoding} 会写出 NUL 字节，使文本提前结束。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node.py" line="103"/>
        <source>Ignored a datagram from {address} that is not an IP Messenger packet: {reason}.</source>
        <translation>已忽略来自 {address} 的非飞鸽传书数据报：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node.py" line="122"/>
        <source>Could not answer: {reason}</source>
        <translation>无法应答：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="126"/>
        <source>The broadcast message was not sent to {peer}: {reason}</source>
        <translation>广播消息未发送给 {peer}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="182"/>
        <source>{sender} sent an encrypted message, which cannot be read here; it was not acknowledged.</source>
        <translation>{sender} 发送了加密消息，此处无法读取；未回复送达确认。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="334"/>
        <source>%n tr(y|ies)</source>
        <translation>
            <numerusform>%n 次尝试</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="285"/>
        <source>{peer} did not acknowledge the read receipt after {tries}.</source>
        <translation>经过 {tries}，{peer} 仍未确认已读回执。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="295"/>
        <source>{name} has left the network</source>
        <translation>{name} 已离开网络</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="297"/>
        <source>no IP Messenger answered at that address</source>
        <translation>该地址上没有飞鸽传书程序应答</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="299"/>
        <source>no acknowledgement came back</source>
        <translation>未收到送达确认</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="304"/>
        <source>The message to {peer} was not delivered after {tries}: {why}.</source>
        <translation>经过 {tries}，发给 {peer} 的消息仍未送达：{why}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="320"/>
        <source>The message to {peer} was not sent: the one before it was not acknowledged after {tries}.</source>
        <translation>发给 {peer} 的消息未发送：前一条消息经过 {tries} 仍未确认送达。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_core.py" line="190"/>
        <source>There is no address to announce to, so other users will not see you; add a broadcast address or a peer&apos;s address.</source>
        <translation>没有可通告的地址，其他用户将看不到你；请添加广播地址或对方的地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_presence.py" line="33"/>
        <source>did not answer the refresh</source>
        <translation>未响应刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_presence.py" line="34"/>
        <source>The list is full.</source>
        <translation>列表已满。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_presence.py" line="75"/>
        <source>The message to {peer} was not delivered: you left the network before it was acknowledged.</source>
        <translation>发给 {peer} 的消息未送达：在对方确认之前你已离开网络。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_presence.py" line="167"/>
        <source>{address} sent a name that is not valid {encoding}; it is shown with replacement characters (is the legacy code page right?).</source>
        <translation>{address} 发送的名称不是有效的 {encoding}；已用替换字符显示（旧式代码页设置是否正确？）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/roster.py" line="175"/>
        <source>{ip} already has {count} users in the list; {peer} and others from there were not added.</source>
        <translation>{ip} 在列表中已有 {count} 位用户；{peer} 及该地址的其他用户未添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/roster.py" line="189"/>
        <source>The list of users is full ({cap}); {peer} and others after it were not added.</source>
        <translation>用户列表已满（{cap}）；{peer} 及之后的用户未添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/roster.py" line="224"/>
        <source>{ip} sent messages as more than {count} different users who never announced themselves; the messages of the others were ignored.</source>
        <translation>{ip} 以超过 {count} 个从未上线通告的不同用户身份发送消息；其余用户的消息已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/text.py" line="218"/>
        <source>Cannot send the IP Messenger packet: the encoding {name} is not a text encoding.</source>
        <translation>无法发送飞鸽传书数据包：编码 {name} 不是文本编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/auto_reply.py" line="48"/>
        <source>The regular expression is not valid: {reason}.</source>
        <translation>正则表达式无效：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="85"/>
        <source>The data is not a DER certificate ({reason}).</source>
        <translation>数据不是 DER 证书（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="102"/>
        <source>The data does not contain a PEM certificate.</source>
        <translation>数据中不含 PEM 证书。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="219"/>
        <source>The key file {path} is protected by a password, which is not supported; remove the password (e.g. openssl pkey -in KEY -out PLAIN).</source>
        <translation>私钥文件 {path} 有密码保护，暂不支持；请去除密码（例如 openssl pkey -in KEY -out PLAIN）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="230"/>
        <source>The key file {path} does not contain a PEM private key.</source>
        <translation>私钥文件 {path} 中不含 PEM 私钥。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="239"/>
        <source>The private key in {key} does not match the certificate in {cert}.</source>
        <translation>{key} 中的私钥与 {cert} 中的证书不匹配。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="249"/>
        <source>The certificate file {path}</source>
        <translation>证书文件 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="250"/>
        <source>The key file {path}</source>
        <translation>私钥文件 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="251"/>
        <source>The CA file {path}</source>
        <translation>CA 文件 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="261"/>
        <source>{file} does not contain a PEM certificate.</source>
        <translation>{file} 中不含 PEM 证书。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="272"/>
        <source>{file} does not exist.</source>
        <translation>{file} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="275"/>
        <source>{file} is a folder, not a file.</source>
        <translation>{file} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/certs.py" line="278"/>
        <source>{file} cannot be read ({reason}).</source>
        <translation>{file} 无法读取（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/file_send.py" line="113"/>
        <source>The connection closed after {sent} of {total} bytes were sent.</source>
        <translation>已发送 {sent}/{total} 字节时连接关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/file_send.py" line="126"/>
        <location filename="../../desktop/core/store/saved_messages.py" line="229"/>
        <source>Could not read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/file_send.py" line="229"/>
        <source>Cancelled before {path} was opened.</source>
        <translation>在打开 {path} 之前已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/file_send.py" line="232"/>
        <source>Cancelled after {sent} of {total} bytes.</source>
        <translation>已发送 {sent}/{total} 字节时取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/listen.py" line="68"/>
        <source>{host} is not a valid address to listen on.</source>
        <translation>{host} 不是可监听的有效地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/listen.py" line="74"/>
        <source>Could not listen on {host} port {port}: {reason}.</source>
        <translation>无法在 {host} 的端口 {port} 上监听：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="17"/>
        <source>No space left on device</source>
        <translation>磁盘空间已满</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="18"/>
        <source>Disk quota exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="19"/>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="20"/>
        <source>Operation not permitted</source>
        <translation>不允许的操作</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="21"/>
        <source>No such file or directory</source>
        <translation>文件或目录不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="22"/>
        <source>Read-only file system</source>
        <translation>文件系统为只读</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="23"/>
        <source>Is a directory</source>
        <translation>这是一个目录</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="24"/>
        <source>Not a directory</source>
        <translation>路径中有一部分不是目录</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="25"/>
        <source>File exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="26"/>
        <source>File name too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="27"/>
        <source>Too many open files</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="28"/>
        <source>Too many open files in system</source>
        <translation>系统中打开的文件过多</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="29"/>
        <source>File too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="30"/>
        <source>Input/output error</source>
        <translation>输入/输出错误</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="31"/>
        <source>Device or resource busy</source>
        <translation>设备或资源忙</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="32"/>
        <source>Address already in use</source>
        <translation>地址已被占用</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="33"/>
        <source>Cannot assign requested address</source>
        <translation>无法使用所请求的地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="34"/>
        <source>Connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="35"/>
        <source>Connection reset by peer</source>
        <translation>连接被对端重置</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="36"/>
        <source>Broken pipe</source>
        <translation>连接已断开（管道破裂）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="37"/>
        <source>Connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="38"/>
        <source>Network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="39"/>
        <source>No route to host</source>
        <translation>没有到主机的路由</translation>
    </message>
    <message>
        <location filename="../../desktop/core/os_reasons.py" line="40"/>
        <source>Network is down</source>
        <translation>网络已断开</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/chat_history.py" line="72"/>
        <source>A message goes &apos;in&apos; or &apos;out&apos;, not {direction}.</source>
        <translation>消息方向只能是 &apos;in&apos; 或 &apos;out&apos;，不能是 {direction}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/chat_history.py" line="76"/>
        <source>store the chat message</source>
        <translation>保存聊天消息</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/chat_history.py" line="89"/>
        <source>update the chat message</source>
        <translation>更新聊天消息</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/chat_history.py" line="98"/>
        <source>read a chat message</source>
        <translation>读取聊天消息</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/chat_history.py" line="106"/>
        <source>read the conversation</source>
        <translation>读取会话</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/chat_history.py" line="135"/>
        <source>search the chat history</source>
        <translation>搜索聊天记录</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="109"/>
        <source>The database {path} is already closed.</source>
        <translation>数据库 {path} 已关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="199"/>
        <source>Could not {doing}: {reason}.</source>
        <translation>无法{doing}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="217"/>
        <source>database is locked</source>
        <translation>数据库已被锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="218"/>
        <source>attempt to write a readonly database</source>
        <translation>数据库为只读，无法写入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="219"/>
        <source>disk I/O error</source>
        <translation>磁盘输入/输出错误</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="220"/>
        <source>database disk image is malformed</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="221"/>
        <source>database or disk is full</source>
        <translation>数据库或磁盘已满</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="222"/>
        <source>unable to open database file</source>
        <translation>无法打开数据库文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="223"/>
        <source>file is not a database</source>
        <translation>该文件不是数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="230"/>
        <source>Could not open the database {path}: {reason}.</source>
        <translation>无法打开数据库 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="241"/>
        <source>update the database {path}</source>
        <translation>更新数据库 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="248"/>
        <source>The database {path} was written by a newer version of SocketDesk (schema {version}; this version knows up to {known}). Update SocketDesk, or move the file away to start afresh.</source>
        <translation>数据库 {path} 由更新版本的 SocketDesk 写入（架构版本 {version}；本版本最高支持 {known}）。请更新 SocketDesk，或将该文件移走后重新开始。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="140"/>
        <source>store the HTTP exchange</source>
        <translation>保存 HTTP 交换</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="163"/>
        <source>store the HTTP exchanges</source>
        <translation>保存 HTTP 交换</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="187"/>
        <source>read the HTTP history</source>
        <translation>读取 HTTP 历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="199"/>
        <source>search the HTTP history</source>
        <translation>搜索 HTTP 历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="214"/>
        <source>read an HTTP exchange</source>
        <translation>读取 HTTP 交换</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="222"/>
        <source>No HTTP exchange {number} in the history.</source>
        <translation>历史记录中没有第 {number} 条 HTTP 交换。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="231"/>
        <source>delete an HTTP exchange</source>
        <translation>删除 HTTP 交换</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="67"/>
        <source>read the saved messages</source>
        <translation>读取已保存的消息</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="76"/>
        <source>read a saved message</source>
        <translation>读取已保存的消息</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="94"/>
        <source>save the message {name}</source>
        <translation>保存消息 {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="108"/>
        <source>rename the message {name}</source>
        <translation>重命名消息 {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="114"/>
        <source>A saved message is already called {name}.</source>
        <translation>已有名为 {name} 的已保存消息。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="125"/>
        <source>No saved message is called {name}.</source>
        <translation>没有名为 {name} 的已保存消息。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="138"/>
        <source>delete the message {name}</source>
        <translation>删除消息 {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="177"/>
        <source>import the messages of {path}</source>
        <translation>导入 {path} 中的消息</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="209"/>
        <source>A saved message needs a name.</source>
        <translation>已保存的消息需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="216"/>
        <source>The {field} of a saved message has invalid text.</source>
        <translation>已保存消息的 {field} 含有无效文本。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="238"/>
        <source>{path} is larger than {limit} MiB: it is not a saved-message file.</source>
        <translation>{path} 大于 {limit} MiB：不是已保存消息文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="249"/>
        <source>{path} is not UTF-8 text.</source>
        <translation>{path} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="254"/>
        <source>{path} is not valid JSON ({reason} at line {line}, column {column}).</source>
        <translation>{path} 不是有效的 JSON（第 {line} 行第 {column} 列：{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="266"/>
        <source>{path} is not valid JSON ({reason}).</source>
        <translation>{path} 不是有效的 JSON（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="274"/>
        <source>{path} is nested too deeply to be a saved-message file.</source>
        <translation>{path} 嵌套层级过深，不是已保存消息文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="285"/>
        <source>{path} is not a SocketDesk saved-message file.</source>
        <translation>{path} 不是 SocketDesk 的已保存消息文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="298"/>
        <source>{path} was written by a newer version of SocketDesk.</source>
        <translation>{path} 由更新版本的 SocketDesk 写入。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="307"/>
        <source>{path} has no list of messages.</source>
        <translation>{path} 中没有消息列表。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="316"/>
        <source>Message {number} in {path} is not an object.</source>
        <translation>{path} 中的第 {number} 条消息不是对象。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="327"/>
        <source>Message {number} in {path} has no text field {field}.</source>
        <translation>{path} 中的第 {number} 条消息缺少文本字段 {field}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/saved_messages.py" line="344"/>
        <source>Message {number} in {path}: {problem}</source>
        <translation>{path} 中的第 {number} 条消息：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/hex_input.py" line="36"/>
        <source>{char} at {where} is not a hex digit.</source>
        <translation>{where}的 {char} 不是十六进制数字。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/hex_input.py" line="45"/>
        <source>{token} at {where} has no hex digits after it.</source>
        <translation>{where}的 {token} 后面没有十六进制数字。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/hex_input.py" line="65"/>
        <source>Odd number of hex digits in {token} at {where}: add a 0 in front or split it into pairs of digits.</source>
        <translation>{where}的 {token} 中十六进制数字个数为奇数：请在前面补 0，或拆分为两位一组。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/hex_input.py" line="75"/>
        <source>Odd number of hex digits in {token} at {where}: write {padded} or {pairs}.</source>
        <translation>{where}的 {token} 中十六进制数字个数为奇数：请写成 {padded} 或 {pairs}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/hex_input.py" line="90"/>
        <source>column {column}</source>
        <translation>第 {column} 列</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/hex_input.py" line="92"/>
        <source>line {line}, column {column}</source>
        <translation>第 {line} 行第 {column} 列</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="175"/>
        <source>Lone &apos;\&apos; at {where}, the end of the text: write {escape} for a backslash.</source>
        <extracomment>(Python codec name, label shown to the user), in menu order.</extracomment>
        <translation>文本末尾（{where}）有单独的 &apos;\&apos;：反斜杠请写成 {escape}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="195"/>
        <source>Escape {escape} at {where} needs two hex digits, like {example}.</source>
        <translation>{where}的转义 {escape} 需要两位十六进制数字，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="208"/>
        <source>Unknown escape {escape} at {where}: use {escapes} or {backslash}.</source>
        <translation>{where}有未知转义 {escape}：请使用 {escapes} 或 {backslash}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="218"/>
        <source>Unknown escape &apos;\&apos; followed by {char} at {where}: use {escapes} or {backslash}.</source>
        <translation>{where}有未知转义（&apos;\&apos; 后跟 {char}）：请使用 {escapes} 或 {backslash}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="236"/>
        <source>Field {open} at {where} is not closed: end it with {close}.</source>
        <translation>{where}的字段 {open} 未闭合：请以 {close} 结尾。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="261"/>
        <source>Field {field} at {where} takes no argument: write {plain}.</source>
        <translation>{where}的字段 {field} 不接受参数：请写成 {plain}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="279"/>
        <source>Field {field} at {where} needs a whole number from 1 to 10^18, like {example}.</source>
        <translation>{where}的字段 {field} 需要 1 到 10^18 之间的整数，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="293"/>
        <source>Unknown field {field} at {where}: use {fields} or {random}.</source>
        <translation>{where}有未知字段 {field}：请使用 {fields} 或 {random}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="325"/>
        <source>{char} at {where} cannot be written in {encoding}.</source>
        <translation>{where}的 {char} 无法用 {encoding} 编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="155"/>
        <source>the local address is already in use</source>
        <translation>本地地址已被占用</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="157"/>
        <source>the local address is not an address of this machine</source>
        <translation>本地地址不是本机的地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="159"/>
        <source>the network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="161"/>
        <source>the host is unreachable</source>
        <translation>主机不可达</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="163"/>
        <source>the local address and the target are not of the same IP version</source>
        <translation>本地地址与目标的 IP 版本不同</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="171"/>
        <source>the host has no address</source>
        <translation>该主机没有可用的地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="157"/>
        <source>Verification: not reported.</source>
        <translation>验证：未报告。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="160"/>
        <source>Verification: the chain and the name are trusted.</source>
        <translation>验证：证书链和名称均受信任。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="165"/>
        <source>Verification failed: {problems}.</source>
        <translation>验证失败：{problems}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="168"/>
        <source>Verification is off; it would have failed: {problems}.</source>
        <translation>验证已关闭；若开启验证将会失败：{problems}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/file_sink.py" line="33"/>
        <source>Could not create {path}: {reason}.</source>
        <translation>无法创建 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/file_sink.py" line="44"/>
        <source>{path} is already closed.</source>
        <translation>{path} 已关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/file_sink.py" line="58"/>
        <source>Could not write {path}: {reason}. {count} bytes were saved before the failure.</source>
        <translation>无法写入 {path}：{reason}。出错前已保存 {count} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/file_sink.py" line="79"/>
        <source>Could not finish {path}: {reason}.</source>
        <translation>无法完成写入 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="66"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="67"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="74"/>
        <source>Connecting to {host}:{port}…</source>
        <translation>正在连接 {host}:{port}…</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="81"/>
        <source>Connected to {peer}</source>
        <translation>已连接到 {peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="92"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="98"/>
        <source>Listening on {addresses} with TLS</source>
        <translation>正在监听 {addresses}（TLS）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="100"/>
        <source>Listening on {addresses}</source>
        <translation>正在监听 {addresses}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="110"/>
        <source>Relaying {addresses} → {target}</source>
        <translation>正在中继 {addresses} → {target}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="120"/>
        <source>The server stopped.</source>
        <translation>服务器已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="121"/>
        <source>The relay stopped.</source>
        <translation>中继已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/lifecycle.py" line="123"/>
        <source>The session stopped.</source>
        <translation>会话已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/periodic.py" line="226"/>
        <source>Stopped after 1 message.</source>
        <extracomment>The shortest interval: the event loop&apos;s timer granularity (see the module docstring).</extracomment>
        <translation>发送 1 条消息后已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/periodic.py" line="227"/>
        <source>Stopped after {count} messages.</source>
        <translation>发送 {count} 条消息后已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/periodic.py" line="233"/>
        <source>Sent 1 message.</source>
        <translation>已发送 1 条消息。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/periodic.py" line="234"/>
        <source>Sent {count} messages.</source>
        <translation>已发送 {count} 条消息。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/reconnect.py" line="39"/>
        <source>Trying again in {delay} s.</source>
        <translation>{delay} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/reconnect.py" line="41"/>
        <source>{reason} Trying again in {delay} s.</source>
        <translation>{reason}{delay} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="27"/>
        <source>Already connected; disconnect first.</source>
        <translation>已连接；请先断开。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="28"/>
        <source>The server is already running; stop it first.</source>
        <translation>服务器已在运行；请先停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="29"/>
        <source>The relay is already running; stop it first.</source>
        <translation>中继已在运行；请先停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="32"/>
        <source>The session is already running; stop it first.</source>
        <translation>会话已在运行；请先停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="40"/>
        <source>Not connected: nothing was sent.</source>
        <translation>未连接：未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="41"/>
        <source>The server is not running: nothing was sent.</source>
        <translation>服务器未在运行：未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="42"/>
        <source>No pair is open: nothing was injected.</source>
        <translation>没有已打开的连接对：未注入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="45"/>
        <source>The session is not running: nothing was sent.</source>
        <translation>会话未在运行：未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="53"/>
        <source>Connect first: there is no open connection.</source>
        <translation>请先连接：当前没有已打开的连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="59"/>
        <source>A file is already being sent.</source>
        <translation>已有文件正在发送。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="66"/>
        <source>Pair {pair}: {reason}</source>
        <translation>连接对 {pair}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="75"/>
        <source>Client {client} has left: nothing was sent to it.</source>
        <translation>客户端 {client} 已离开：未向其发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="84"/>
        <source>No client is connected: nothing was sent.</source>
        <translation>没有已连接的客户端：未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="91"/>
        <source>Saved {count} bytes to {path}.</source>
        <translation>已将 {count} 字节保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="97"/>
        <source>Stopped reconnecting.</source>
        <translation>已停止重连。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/sentences.py" line="102"/>
        <source>The connection attempt was cancelled.</source>
        <translation>已取消连接尝试。</translation>
    </message>
</context>
</TS>
