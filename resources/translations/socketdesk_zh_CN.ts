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
    <name>AcceptDialog</name>
    <message>
        <location filename="../../desktop/ui/messenger/offer_dialog.py" line="37"/>
        <source>Accept files from {name}</source>
        <translation>接收来自 {name} 的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_dialog.py" line="48"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_dialog.py" line="51"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_dialog.py" line="57"/>
        <source>Accept</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_dialog.py" line="62"/>
        <source>Choose the files to download:</source>
        <translation>选择要下载的文件：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_dialog.py" line="86"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop/app.py" line="250"/>
        <source>Start at login</source>
        <translation>开机时启动</translation>
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
        <location filename="../../desktop/ui/http/body_view.py" line="107"/>
        <source>No response was parsed.</source>
        <translation>未解析到响应。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="116"/>
        <source>Decoding {size}…</source>
        <translation>正在解码 {size}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="81"/>
        <location filename="../../desktop/ui/http/body_view.py" line="117"/>
        <source>Decoding…</source>
        <translation>正在解码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="130"/>
        <source>The body could not be decoded.</source>
        <translation>无法解码正文。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="138"/>
        <source>Truncated at {cap}: the body decodes to more than the cap.</source>
        <translation>已在 {cap} 处截断：正文解码后超出上限。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="144"/>
        <source>{size}, read as {encoding} ({source}).</source>
        <translation>{size}，按 {encoding} 读取（{source}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="159"/>
        <source>byte-order mark</source>
        <translation>字节顺序标记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="160"/>
        <source>Content-Type charset</source>
        <translation>Content-Type 中的 charset</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="161"/>
        <source>declared in the document</source>
        <translation>文档内声明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="162"/>
        <source>valid UTF-8</source>
        <translation>有效的 UTF-8</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="163"/>
        <source>detected</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="164"/>
        <source>fallback</source>
        <translation>默认回退</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="194"/>
        <source>{size} written to {path}.</source>
        <translation>已将 {size} 写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/body_view.py" line="200"/>
        <source>Save body</source>
        <translation>保存正文</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="154"/>
        <source>TLS session</source>
        <translation>TLS 会话</translation>
    </message>
</context>
<context>
    <name>CertificateView</name>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="32"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="33"/>
        <source>ALPN: {alpn}</source>
        <translation>ALPN：{alpn}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="36"/>
        <source>SNI sent: {name}</source>
        <translation>发送的 SNI：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="45"/>
        <source>Certificates sent by the peer: {count} (leaf first).</source>
        <translation>对端发送的证书：{count} 张（叶证书在前）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="49"/>
        <source>The peer sent no certificate.</source>
        <translation>对端未发送证书。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="62"/>
        <source>Verification: not reported.</source>
        <translation>验证：未报告。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="65"/>
        <source>Verified: the chain and the name are trusted.</source>
        <translation>已验证：证书链和名称均受信任。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="70"/>
        <source>Verification failed; the connection was closed before the request was sent.</source>
        <translation>验证失败；连接已在发送请求之前关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="75"/>
        <source>Verification is off; it would have failed.</source>
        <translation>验证已关闭；若开启验证将会失败。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="93"/>
        <source>Leaf</source>
        <translation>叶证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="95"/>
        <source>Issuer {depth}</source>
        <translation>签发者 {depth}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="97"/>
        <source>(self-signed)</source>
        <translation>（自签名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="99"/>
        <source>(from the trust store, not sent)</source>
        <translation>（来自信任库，对端未发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="104"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="105"/>
        <source>Issuer</source>
        <translation>签发者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="106"/>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="107"/>
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="108"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/certificate_view.py" line="111"/>
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
        <location filename="../../desktop/ui/messenger/chat_model.py" line="279"/>
        <source>🔒 Sealed message: double-click to open</source>
        <translation>🔒 密封消息：双击打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="294"/>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="296"/>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="311"/>
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="299"/>
        <location filename="../../desktop/ui/messenger/chat_model.py" line="314"/>
        <source>not delivered: {reason}</source>
        <translation>未送达：{reason}</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="148"/>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="230"/>
        <source>Choose someone in the list to chat with.</source>
        <translation>从列表中选择要聊天的人。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="161"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="177"/>
        <source>Message (Enter sends, Shift+Enter: new line)</source>
        <translation>消息（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="180"/>
        <source>Sealed</source>
        <translation>密封</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="181"/>
        <source>The peer must open it; you are told when they do.</source>
        <translation>对方须打开才能查看；对方打开时你会收到通知。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="182"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="184"/>
        <source>Send files…</source>
        <translation>发送文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="185"/>
        <source>Offer files, with the message typed (if any)</source>
        <translation>发送文件，连同已输入的消息（如有）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="187"/>
        <source>Send folder…</source>
        <translation>发送文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/chat_view.py" line="321"/>
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
    <message>
        <location filename="../../desktop/ui/workbench/client_table_model.py" line="37"/>
        <source>TLS handshake</source>
        <translation>TLS 握手中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/client_table_model.py" line="38"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="112"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="173"/>
        <source>The request is empty: nothing was sent.</source>
        <translation>请求为空：未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="284"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_curl.py" line="64"/>
        <source>Imported the curl command.</source>
        <translation>已导入 curl 命令。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="113"/>
        <source>Cookies</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_curl.py" line="87"/>
        <source>Copied the Python script.</source>
        <translation>已复制 Python 脚本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="264"/>
        <source>The history does not keep the TLS session details.</source>
        <translation>历史记录不保存 TLS 会话详情。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="268"/>
        <source>Restored from the history.</source>
        <translation>已从历史记录恢复。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/composer_panel.py" line="345"/>
        <source>{status} from {peer}, %n byte(s) received.</source>
        <translation>
            <numerusform>{status}，来自 {peer}，已接收 %n 字节。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_curl.py" line="89"/>
        <source>Copied the curl command.</source>
        <translation>已复制 curl 命令。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_panel.py" line="271"/>
        <source>The stored response was cut at {size}.</source>
        <translation>保存的响应已在 {size} 处截断。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_curl.py" line="98"/>
        <source>Import curl</source>
        <translation>导入 curl</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/composer_curl.py" line="99"/>
        <source>Paste a curl command line:</source>
        <translation>粘贴 curl 命令行：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/composer_panel.py" line="338"/>
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
        <location filename="../../desktop/ui/messenger/control_bar.py" line="84"/>
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
        <location filename="../../desktop/ui/messenger/conversations.py" line="133"/>
        <location filename="../../desktop/ui/messenger/conversations.py" line="152"/>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/conversations.py" line="136"/>
        <location filename="../../desktop/ui/messenger/conversations.py" line="312"/>
        <source>Sealed message</source>
        <translation>密封消息</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/messenger/conversations.py" line="240"/>
        <source>sent to %n user(s)</source>
        <translation>
            <numerusform>已发送给 %n 位用户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/conversations.py" line="243"/>
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
    <name>DataPage</name>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="42"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="85"/>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="89"/>
        <source>Only your user account can read it: the histories hold messages, requests, cookies and passwords.</source>
        <translation>仅你的用户账户可读取：历史记录中含有消息、请求、Cookie 和密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="95"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="96"/>
        <source>Export settings…</source>
        <translation>导出设置…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="97"/>
        <source>Import settings…</source>
        <translation>导入设置…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="98"/>
        <source>Export saved messages…</source>
        <translation>导出已保存的消息…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="99"/>
        <source>Import saved messages…</source>
        <translation>导入已保存的消息…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="109"/>
        <source>To take SocketDesk to another machine, export here and import there. An import checks the whole file first and changes nothing unless all of it is valid.</source>
        <translation>要将 SocketDesk 迁移到另一台计算机，请在此导出，再到那台计算机上导入。导入时会先检查整个文件，只有全部有效才会做出更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="132"/>
        <source>Export settings</source>
        <translation>导出设置</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/preferences/data_page.py" line="142"/>
        <source>Exported %n setting(s) to {path}.</source>
        <translation>
            <numerusform>已将 %n 项设置导出到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="148"/>
        <source>Import settings</source>
        <translation>导入设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="155"/>
        <location filename="../../desktop/ui/preferences/data_page.py" line="196"/>
        <source>Nothing was imported: {reason}</source>
        <translation>未导入任何内容：{reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/preferences/data_page.py" line="160"/>
        <source>Imported %n setting(s) from {path}.</source>
        <translation>
            <numerusform>已从 {path} 导入 %n 项设置。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="170"/>
        <source>Export saved messages</source>
        <translation>导出已保存的消息</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/preferences/data_page.py" line="180"/>
        <source>Exported %n saved message(s) to {path}.</source>
        <translation>
            <numerusform>已将 %n 条已保存的消息导出到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/data_page.py" line="189"/>
        <source>Import saved messages</source>
        <translation>导入已保存的消息</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/preferences/data_page.py" line="202"/>
        <source>Imported %n saved message(s) from {path}; messages with the same name were replaced.</source>
        <translation>
            <numerusform>已从 {path} 导入 %n 条已保存的消息；同名消息已被替换。</numerusform>
        </translation>
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
    <name>FilesActions</name>
    <message>
        <location filename="../../desktop/ui/messenger/files_actions.py" line="40"/>
        <source>Send a folder</source>
        <translation>发送文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/files_actions.py" line="43"/>
        <source>Send files</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/files_actions.py" line="105"/>
        <location filename="../../desktop/ui/messenger/files_actions.py" line="178"/>
        <source>(files offered: {files})</source>
        <translation>（发送文件：{files}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/files_actions.py" line="127"/>
        <source>Files go to people: choose someone in the list first.</source>
        <translation>文件只能发给具体的人：请先在列表中选择一位用户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/files_actions.py" line="215"/>
        <source>Transfers</source>
        <translation>传输列表</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../desktop/ui/preferences/files_page.py" line="43"/>
        <source>Accept offers from these people without asking</source>
        <translation>自动接收以下用户发来的文件，不再询问</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/files_page.py" line="47"/>
        <source>One user@host per line, e.g. alice@office-pc</source>
        <translation>每行一个 用户@主机，例如 alice@office-pc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/files_page.py" line="51"/>
        <source>the download folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/files_page.py" line="52"/>
        <source>&amp;Download folder</source>
        <translation>下载文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/files_page.py" line="54"/>
        <source>&amp;People</source>
        <translation>用户(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/files_page.py" line="56"/>
        <source>Auto-accepted &amp;files go to</source>
        <translation>自动接收的文件保存到(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/files_page.py" line="62"/>
        <source>Offers from anyone else are shown in the conversation to accept or decline.</source>
        <translation>其他人发来的文件会显示在会话中，由你选择接收或拒绝。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/files_page.py" line="74"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/files_page.py" line="80"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="85"/>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="86"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="87"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="92"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="97"/>
        <source>Ask before quitting while something is running</source>
        <translation>有任务运行时，退出前先询问</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="99"/>
        <source>Keep the Messenger running in the tray when the window is closed</source>
        <translation>关闭窗口时让局域网聊天在托盘中继续运行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="101"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="102"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="106"/>
        <source>Start minimised to the tray</source>
        <translation>启动时最小化到托盘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="107"/>
        <source>Start SocketDesk at login</source>
        <translation>开机时启动 SocketDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="150"/>
        <source>SocketDesk will be in {language} from its next start; the open windows keep the language they were built in.</source>
        <translation>SocketDesk 下次启动时将使用 {language}；已打开的窗口仍保持原来的语言。</translation>
    </message>
</context>
<context>
    <name>GeneratorBox</name>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="53"/>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="54"/>
        <source>Datagrams/s</source>
        <translation>数据报/秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="55"/>
        <source>Bits/s</source>
        <translation>比特/秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="61"/>
        <source>Datagrams</source>
        <translation>个数据报</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="62"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="63"/>
        <source>Until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="68"/>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="143"/>
        <source>Start generator</source>
        <translation>启动发包器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="79"/>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="80"/>
        <source>For</source>
        <translation>持续</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="81"/>
        <source>Generator (the send box&apos;s data)</source>
        <translation>发包器（使用发送框中的数据）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="90"/>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="94"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="95"/>
        <source>Send file… as datagrams</source>
        <translation>以数据报发送文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="97"/>
        <source>Datagram size</source>
        <translation>数据报大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="98"/>
        <source>Pause between</source>
        <translation>发送间隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="143"/>
        <source>Stop generator</source>
        <translation>停止发包器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="155"/>
        <source>Sending: idle</source>
        <translation>发送：空闲</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_generator_box.py" line="165"/>
        <source>Sending: {datagrams} datagrams/s, {mbits} Mbit/s</source>
        <translation>发送：{datagrams} 数据报/秒，{mbits} Mbit/s</translation>
    </message>
</context>
<context>
    <name>HeadersModel</name>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="80"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="87"/>
        <source>{name} (trailer)</source>
        <translation>{name}（尾部字段）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="112"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="112"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="88"/>
        <source>Search the history</source>
        <translation>搜索历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="96"/>
        <source>Compare responses</source>
        <translation>比较响应</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="97"/>
        <source>Select two exchanges (Ctrl+click) to compare</source>
        <translation>选择两条记录（Ctrl+单击）进行比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="98"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="103"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="104"/>
        <source>Delete the selected exchanges from the history</source>
        <translation>从历史记录中删除选中的记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="105"/>
        <source>Clear…</source>
        <translation>清空…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="106"/>
        <source>Delete every exchange from the history</source>
        <translation>删除历史记录中的所有记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="107"/>
        <source>Recording is off: new exchanges are not kept.</source>
        <translation>记录已关闭：新的交换不会保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="163"/>
        <source>Clear the HTTP history</source>
        <translation>清空 HTTP 历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="165"/>
        <source>Delete every exchange in the history, with the requests, responses, headers and cookies it keeps? This cannot be undone.</source>
        <translation>删除历史记录中的所有交换，包括其中保存的请求、响应、头部和 Cookie？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="172"/>
        <source>Clear history</source>
        <translation>清空历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="220"/>
        <source>Select exactly two exchanges to compare.</source>
        <translation>请恰好选择两条记录进行比较。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/history_pane.py" line="238"/>
        <source>Comparison unavailable in this version.</source>
        <translation>此版本不支持比较。</translation>
    </message>
</context>
<context>
    <name>HistorySearch</name>
    <message>
        <location filename="../../desktop/ui/messenger/history_search.py" line="44"/>
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
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="94"/>
        <source>Identity and network</source>
        <translation>身份与网络</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="99"/>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="101"/>
        <source>Group (optional)</source>
        <translation>分组（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="104"/>
        <source>Where to listen and announce: every interface, or only one</source>
        <translation>在哪里监听和通告上线：所有网络接口，或仅其中一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="109"/>
        <source>0 lets the system pick a free port</source>
        <translation>0 表示由系统选择空闲端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="113"/>
        <source>Extra broadcast targets: addresses, subnets (a.b.c.0/24) or ranges, comma-separated</source>
        <translation>额外广播目标：地址、子网（a.b.c.0/24）或地址范围，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="120"/>
        <source>How text without a UTF-8 flag is read and written (CP936, CP932…)</source>
        <translation>未带 UTF-8 标志的文本按何种编码读写（CP936、CP932…）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="128"/>
        <source>Nickname / group</source>
        <translation>昵称 / 分组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="133"/>
        <source>Interface, port, code page</source>
        <translation>网络接口、端口、代码页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="134"/>
        <source>Targets</source>
        <translation>广播目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="146"/>
        <source>All interfaces</source>
        <translation>所有网络接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="179"/>
        <source>no network interface</source>
        <translation>没有网络接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="210"/>
        <source>{where} has no broadcast address; only the extra targets are announced to.</source>
        <translation>{where} 没有广播地址；只向额外的广播目标通告上线。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/identity_pane.py" line="216"/>
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
        <location filename="../../desktop/ui/widgets/log_view.py" line="88"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="89"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="93"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="96"/>
        <source>Pause view</source>
        <translation>暂停显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="97"/>
        <source>Freeze the view; capture and counters go on</source>
        <translation>冻结显示；数据捕获和计数仍在继续</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="98"/>
        <source>Follow</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="101"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="102"/>
        <source>Search text or hex — Enter: next</source>
        <translation>搜索文本或十六进制 — Enter：下一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="105"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="108"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="112"/>
        <source>Log as text…</source>
        <translation>文本日志…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="113"/>
        <source>Hexdump…</source>
        <translation>十六进制转储…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="114"/>
        <source>Received bytes…</source>
        <translation>接收的原始字节…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="115"/>
        <source>pcapng for Wireshark…</source>
        <translation>pcapng（用于 Wireshark）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="160"/>
        <source>Select a row to see all its bytes</source>
        <translation>选择一行以查看其全部字节</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/log_view.py" line="192"/>
        <source>Paused: %n new record(s) waiting</source>
        <translation>
            <numerusform>已暂停：%n 条新记录等待显示</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="290"/>
        <source>Auto ({name})</source>
        <translation>自动（{name}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="302"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="321"/>
        <source>… {more} more bytes not shown (export to see them)</source>
        <translation>… 另有 {more} 字节未显示（导出后可查看）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="330"/>
        <source>Type text or hex bytes to search for</source>
        <translation>请输入要搜索的文本或十六进制字节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/log_view.py" line="345"/>
        <source>Not found: {text}</source>
        <translation>未找到：{text}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="85"/>
        <source>Workbench</source>
        <translation>调试台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="86"/>
        <location filename="../../desktop/ui/main_window.py" line="171"/>
        <source>Messenger</source>
        <translation>局域网聊天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="91"/>
        <location filename="../../desktop/ui/main_window.py" line="93"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="37"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="39"/>
        <source>New TCP &amp;client session</source>
        <translation>新建 TCP 客户端会话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="43"/>
        <source>New TCP &amp;server session</source>
        <translation>新建 TCP 服务器会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="48"/>
        <source>New TCP &amp;relay session</source>
        <translation>新建 TCP 中继会话(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="52"/>
        <source>New &amp;UDP session</source>
        <translation>新建 UDP 会话(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="56"/>
        <source>Close session &amp;tab</source>
        <translation>关闭会话标签页(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm_quit.py" line="31"/>
        <location filename="../../desktop/ui/main_menus.py" line="60"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="64"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="66"/>
        <source>Clear &amp;log</source>
        <translation>清空日志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="69"/>
        <source>Go to &amp;send box</source>
        <translation>转到发送框(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="72"/>
        <source>&amp;Find in log</source>
        <translation>在日志中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="76"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="80"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="89"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="92"/>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="93"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="94"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="98"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="100"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="103"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="105"/>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="108"/>
        <source>Keep the Messenger running in the tray when the window is closed</source>
        <translation>关闭窗口时让局域网聊天在托盘中继续运行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="115"/>
        <source>Start minimised to the tray</source>
        <translation>启动时最小化到托盘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="120"/>
        <source>Start SocketDesk at login</source>
        <translation>开机时启动 SocketDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="125"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_menus.py" line="127"/>
        <source>&amp;About SocketDesk</source>
        <translation>关于 SocketDesk(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="181"/>
        <source>%n TCP server(s)</source>
        <translation>
            <numerusform>%n 个 TCP 服务器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="183"/>
        <source>%n TCP relay(s)</source>
        <translation>
            <numerusform>%n 个 TCP 中继</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="185"/>
        <source>the Messenger</source>
        <translation>局域网聊天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm_quit.py" line="21"/>
        <source>Quit SocketDesk</source>
        <translation>退出 SocketDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm_quit.py" line="22"/>
        <source>Still running: {running}. Quitting stops them and closes their connections.</source>
        <translation>仍在运行：{running}。退出将停止它们并关闭其连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm_quit.py" line="18"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm_quit.py" line="36"/>
        <source>Don&apos;t ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="343"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="345"/>
        <source>SocketDesk will be in {language} the next time it starts. Quit and start it again to change the language now.</source>
        <translation>SocketDesk 下次启动时将使用 {language}。如需立即切换语言，请退出后重新启动。</translation>
    </message>
</context>
<context>
    <name>MessengerBridge</name>
    <message>
        <location filename="../../desktop/workers/messenger_bridge.py" line="165"/>
        <source>The messenger is already running; stop it first.</source>
        <translation>聊天已在运行；请先停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/workers/messenger_bridge.py" line="215"/>
        <location filename="../../desktop/workers/messenger_bridge.py" line="227"/>
        <location filename="../../desktop/workers/messenger_files.py" line="147"/>
        <source>The messenger is not running.</source>
        <translation>聊天未在运行。</translation>
    </message>
    <message>
        <location filename="../../desktop/workers/messenger_files.py" line="135"/>
        <source>Files cannot be sent or received: the messenger is not running.</source>
        <translation>无法发送或接收文件：聊天未在运行。</translation>
    </message>
</context>
<context>
    <name>MessengerLifecycle</name>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_lifecycle.py" line="72"/>
        <location filename="../../desktop/ui/messenger/messenger_lifecycle.py" line="120"/>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_lifecycle.py" line="81"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_lifecycle.py" line="94"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_lifecycle.py" line="112"/>
        <source>Listening on {address}</source>
        <translation>正在监听 {address}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_lifecycle.py" line="113"/>
        <location filename="../../desktop/ui/messenger/messenger_lifecycle.py" line="149"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_lifecycle.py" line="127"/>
        <location filename="../../desktop/ui/messenger/messenger_lifecycle.py" line="149"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_lifecycle.py" line="129"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>MessengerPage</name>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="171"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="173"/>
        <source>{user} on {host} (from the system)</source>
        <translation>{user}@{host}（取自系统）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="178"/>
        <source>All interfaces</source>
        <translation>所有网络接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="186"/>
        <source>0 lets the system pick a free port</source>
        <translation>0 表示由系统选择空闲端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="191"/>
        <source>How text without a UTF-8 flag is read and written (CP936, CP932…)</source>
        <translation>未带 UTF-8 标志的文本按何种编码读写（CP936、CP932…）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="193"/>
        <source>&amp;Nickname</source>
        <translation>昵称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="194"/>
        <source>&amp;Group</source>
        <translation>分组(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="195"/>
        <source>User and host</source>
        <translation>用户和主机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="196"/>
        <source>&amp;Interface</source>
        <translation>网络接口(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="197"/>
        <source>&amp;Port</source>
        <translation>端口(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="198"/>
        <source>Legacy &amp;code page</source>
        <translation>旧式代码页(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="199"/>
        <source>A running Messenger uses these from its next start.</source>
        <translation>正在运行的局域网聊天将在下次启动时使用这些设置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="207"/>
        <source>{address} (not found)</source>
        <translation>{address}（未找到）</translation>
    </message>
</context>
<context>
    <name>MessengerPanel</name>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="237"/>
        <source>{names} has left; the message was not delivered.</source>
        <translation>{names} 已离开；消息未送达。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="260"/>
        <source>{name} left: {reason}</source>
        <translation>{name} 已离开：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="272"/>
        <source>(files offered: {files})</source>
        <translation>（对方发送了文件：{files}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="280"/>
        <source>Sealed message</source>
        <translation>密封消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="303"/>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="310"/>
        <source>{name}: {text}</source>
        <translation>{name}：{text}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="356"/>
        <source>To %n (person|people): {names}</source>
        <translation>
            <numerusform>发给 %n 人：{names}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="358"/>
        <source>Broadcast: to everyone in the list, without acknowledgement</source>
        <translation>广播：发给列表中的所有人，无送达确认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/messenger_panel.py" line="364"/>
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
    <name>OfferBar</name>
    <message>
        <location filename="../../desktop/ui/messenger/offer_bar.py" line="49"/>
        <source>Accept all</source>
        <translation>全部接收</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_bar.py" line="50"/>
        <source>Accept some…</source>
        <translation>选择接收…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_bar.py" line="51"/>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_bar.py" line="54"/>
        <source>Where the files go: click to choose another folder</source>
        <translation>文件的保存位置：单击可选择其他文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_bar.py" line="55"/>
        <source>Cancel offer</source>
        <translation>取消发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_bar.py" line="56"/>
        <source>Show in Transfers</source>
        <translation>在传输列表中查看</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_bar.py" line="87"/>
        <source>Save to: {folder}</source>
        <translation>保存到：{folder}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/messenger/offer_bar.py" line="98"/>
        <source>Your offer: %n file(s), {size}</source>
        <translation>
            <numerusform>你发送的文件：%n 个，共 {size}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/messenger/offer_bar.py" line="100"/>
        <source>Offered to you: %n file(s), {size}</source>
        <translation>
            <numerusform>对方发来的文件：%n 个，共 {size}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_bar.py" line="119"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
</context>
<context>
    <name>OfferView</name>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="104"/>
        <source>Accept or decline it in the bar under the messages</source>
        <translation>请在消息下方的栏中接收或拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="107"/>
        <source>accepted into {folder}: waiting</source>
        <translation>已接收到 {folder}：等待中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="110"/>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="111"/>
        <source>withdrawn by the sender or expired</source>
        <translation>发送方已撤回或已过期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="114"/>
        <source>offering…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="115"/>
        <source>waiting for the peer to download</source>
        <translation>等待对方下载</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="118"/>
        <source>offer cancelled</source>
        <translation>已取消发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="121"/>
        <source>not offered: {reason}</source>
        <translation>未能发送：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="139"/>
        <source>sending {percent} %</source>
        <translation>正在发送 {percent}%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="141"/>
        <source>downloading {percent} %</source>
        <translation>正在下载 {percent}%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="145"/>
        <source>sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="147"/>
        <source>downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/offer_view.py" line="150"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>PagedText</name>
    <message>
        <location filename="../../desktop/ui/http/paged_text.py" line="48"/>
        <source>First page</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/paged_text.py" line="49"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/paged_text.py" line="50"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/paged_text.py" line="51"/>
        <source>Last page</source>
        <translation>末页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/paged_text.py" line="59"/>
        <source>Page</source>
        <translation>第</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/http/paged_text.py" line="92"/>
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
    <message numerus="yes">
        <location filename="../../desktop/ui/messenger/peer_menu.py" line="52"/>
        <source>Send files to %n peer(s)…</source>
        <translation>
            <numerusform>向 %n 位用户发送文件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/messenger/peer_menu.py" line="54"/>
        <source>Send a folder to %n peer(s)…</source>
        <translation>
            <numerusform>向 %n 位用户发送文件夹…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeerPane</name>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_pane.py" line="61"/>
        <source>Reply to selected</source>
        <translation>回复选中的对端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_pane.py" line="63"/>
        <source>Send to all seen</source>
        <translation>发送给所有已发现的对端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_pane.py" line="65"/>
        <source>Send to it</source>
        <translation>设为目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_pane.py" line="67"/>
        <source>Make the selected peer the target (or double-click it)</source>
        <translation>将选中的对端设为发送目标（或双击该对端）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_pane.py" line="69"/>
        <source>Log of the selected peer only</source>
        <translation>仅显示选中对端的日志</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workbench/udp_peer_pane.py" line="98"/>
        <source>%n peer(s) seen</source>
        <translation>
            <numerusform>已发现 %n 个对端</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeerTableModel</name>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_model.py" line="29"/>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_model.py" line="30"/>
        <source>Dgrams in</source>
        <translation>接收数据报</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_model.py" line="31"/>
        <source>In</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_model.py" line="32"/>
        <source>Dgrams out</source>
        <translation>发送数据报</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_model.py" line="33"/>
        <source>Out</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_peer_model.py" line="34"/>
        <source>Last seen</source>
        <translation>最近活动</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/ui/preferences/dialog.py" line="65"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/dialog.py" line="74"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/dialog.py" line="75"/>
        <source>Messenger</source>
        <translation>局域网聊天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/dialog.py" line="76"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/dialog.py" line="77"/>
        <source>Workbench and HTTP</source>
        <translation>调试台和 HTTP</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/dialog.py" line="78"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/dialog.py" line="109"/>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
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
    <name>RateGraph</name>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="253"/>
        <source>Rates</source>
        <translation>速率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="290"/>
        <source>Hide the rate graph</source>
        <translation>隐藏速率图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="290"/>
        <source>Show the rate graph</source>
        <translation>显示速率图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="330"/>
        <source>In {bytes} · {messages}</source>
        <translation>接收 {bytes} · {messages}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="334"/>
        <source>Out {bytes} · {messages}</source>
        <translation>发送 {bytes} · {messages}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="338"/>
        <source>Peak in {peak_in} · out {peak_out}</source>
        <translation>峰值：接收 {peak_in} · 发送 {peak_out}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="350"/>
        <source>Bytes per second and messages (reads or datagrams) per second over the last {seconds} s</source>
        <translation>最近 {seconds} 秒内每秒的字节数和消息数（读取次数或数据报数）</translation>
    </message>
</context>
<context>
    <name>RatePlot</name>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="214"/>
        <source>{ago:.1f} s ago
In: {bytes_in}, {messages_in}
Out: {bytes_out}, {messages_out}</source>
        <translation>{ago:.1f} 秒前
接收：{bytes_in}，{messages_in}
发送：{bytes_out}，{messages_out}</translation>
    </message>
</context>
<context>
    <name>RateUnits</name>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="50"/>
        <source>{value} B/s</source>
        <translation>{value} B/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="51"/>
        <source>{value} KiB/s</source>
        <translation>{value} KiB/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="52"/>
        <source>{value} MiB/s</source>
        <translation>{value} MiB/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="53"/>
        <source>{value} GiB/s</source>
        <translation>{value} GiB/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="54"/>
        <source>{value} TiB/s</source>
        <translation>{value} TiB/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="62"/>
        <source>{value}/s</source>
        <translation>{value}/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="63"/>
        <source>{value}k/s</source>
        <translation>{value}k/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="64"/>
        <source>{value}M/s</source>
        <translation>{value}M/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="65"/>
        <source>{value}G/s</source>
        <translation>{value}G/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/rate_graph.py" line="66"/>
        <source>{value}T/s</source>
        <translation>{value}T/s</translation>
    </message>
</context>
<context>
    <name>RawView</name>
    <message>
        <location filename="../../desktop/ui/http/raw_view.py" line="60"/>
        <source>Preparing the raw bytes…</source>
        <translation>正在准备原始字节…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/raw_view.py" line="80"/>
        <source>Parsing failed here; the rest is shown as received.</source>
        <translation>解析在此处失败；其余内容按原样显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/raw_view.py" line="84"/>
        <source>No anomalies: the response is well-formed.</source>
        <translation>无异常：响应格式正确。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/raw_view.py" line="93"/>
        <source>At byte {offset}: {message}</source>
        <translation>第 {offset} 字节处：{message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/raw_view.py" line="96"/>
        <source>Click to show this byte</source>
        <translation>单击以显示此字节</translation>
    </message>
</context>
<context>
    <name>RecordLogModel</name>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="73"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="74"/>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="75"/>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="76"/>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="77"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="223"/>
        <source>received from {peer}</source>
        <translation>接收自 {peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="224"/>
        <source>sent to {peer}</source>
        <translation>发送到 {peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_log_model.py" line="225"/>
        <source>session event</source>
        <translation>会话事件</translation>
    </message>
</context>
<context>
    <name>RelayPanel</name>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="66"/>
        <source>all addresses</source>
        <translation>所有地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="70"/>
        <source>any free</source>
        <translation>自动分配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="75"/>
        <source>TLS to target</source>
        <translation>目标端 TLS</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="76"/>
        <source>verify</source>
        <translation>验证证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="77"/>
        <source>TLS to clients (self-signed)</source>
        <translation>客户端侧 TLS（自签名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="79"/>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="82"/>
        <source>→ Target</source>
        <translation>→ 目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="95"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="95"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="95"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="95"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="106"/>
        <source>Inject toward the target</source>
        <translation>向目标端注入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="107"/>
        <source>Inject toward the client</source>
        <translation>向客户端注入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="108"/>
        <source>Close pair</source>
        <translation>关闭连接对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="109"/>
        <source>Target certificate…</source>
        <translation>目标端证书…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="131"/>
        <source>Enter the target host to forward to.</source>
        <translation>请输入要转发到的目标主机。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="167"/>
        <source>Start the relay first.</source>
        <translation>请先启动中继。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="226"/>
        <source>Pair {pair}: target TLS {version}, {count} certificates sent. {outcome}</source>
        <translation>连接对 {pair}：目标端 TLS {version}，对端发送了 {count} 张证书。{outcome}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="191"/>
        <source>Relay :{port} → {target}</source>
        <translation>中继 :{port} → {target}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/relay_panel.py" line="214"/>
        <source>open</source>
        <translation>已连接</translation>
    </message>
</context>
<context>
    <name>ReplyMode</name>
    <message>
        <location filename="../../desktop/ui/workbench/reply_mode.py" line="45"/>
        <source>Plain</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/reply_mode.py" line="46"/>
        <source>Echo</source>
        <translation>回显</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/reply_mode.py" line="47"/>
        <source>Auto-reply rules</source>
        <translation>自动应答规则</translation>
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
        <location filename="../../desktop/ui/http/response_view.py" line="151"/>
        <source>Name lookup</source>
        <translation>域名解析</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="152"/>
        <source>TCP connect</source>
        <translation>TCP 连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="153"/>
        <source>TLS handshake</source>
        <translation>TLS 握手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="154"/>
        <source>Request written</source>
        <translation>请求已写出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="155"/>
        <source>Waiting (TTFB)</source>
        <translation>等待首字节 (TTFB)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="156"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="157"/>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="162"/>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="163"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="164"/>
        <source>Headers</source>
        <translation>响应头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="165"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="166"/>
        <source>Pretty</source>
        <translation>格式化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="167"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="276"/>
        <source>Truncated at {cap}: the response reached the cap; {more} received after it were not kept.</source>
        <translation>已在 {cap} 处截断：响应达到上限，之后接收的 {more} 未保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="288"/>
        <source>The body is not an image.</source>
        <translation>正文不是图像。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="294"/>
        <source>The image is {size}: no preview above {limit}.</source>
        <translation>图像大小为 {size}：超过 {limit} 不提供预览。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="300"/>
        <source>Decoding the image…</source>
        <translation>正在解码图像…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="309"/>
        <source>No preview.</source>
        <translation>无预览。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="168"/>
        <source>Timings</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="169"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="233"/>
        <source>{ms:.1f} ms</source>
        <translation>{ms:.1f} ms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="237"/>
        <source>Plain TCP: no TLS.</source>
        <translation>普通 TCP：未使用 TLS。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/response_view.py" line="228"/>
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
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="46"/>
        <source>Match</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="46"/>
        <source>Pattern</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="46"/>
        <source>As</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="46"/>
        <source>Response</source>
        <translation>应答</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="63"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="64"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="92"/>
        <source>Hide the rules (they keep answering)</source>
        <translation>隐藏规则（规则仍会继续应答）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="94"/>
        <source>Show the rules to edit them</source>
        <translation>显示规则以便编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="114"/>
        <source>Auto-reply rules: {count}</source>
        <translation>自动应答规则：{count}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="116"/>
        <source>%n rule(s) active — Edit</source>
        <translation>
            <numerusform>%n 条规则生效中 — 编辑</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="118"/>
        <source>%n rule(s) — Edit</source>
        <translation>
            <numerusform>%n 条规则 — 编辑</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="150"/>
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="151"/>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="152"/>
        <source>starts with</source>
        <translation>开头为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="153"/>
        <source>regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="158"/>
        <source>Text + escapes</source>
        <translation>文本（含转义）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="159"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="193"/>
        <source>Rule {row}: the pattern is empty.</source>
        <translation>规则 {row}：匹配内容为空。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/rules_editor.py" line="206"/>
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
        <location filename="../../desktop/ui/http/send_bar.py" line="74"/>
        <source>Follow redirects automatically</source>
        <translation>自动跟随重定向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="78"/>
        <source>max </source>
        <translation>最多 </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="79"/>
        <source>Follow redirect</source>
        <translation>跟随重定向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="84"/>
        <source>keep </source>
        <translation>保留 </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="85"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="87"/>
        <source>Bytes of a response kept and shown; beyond them it is cut with a notice.</source>
        <translation>响应中保留并显示的字节数；超出部分将被截断并给出提示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="89"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="153"/>
        <source>Kept alive: {peer}</source>
        <translation>保持连接：{peer}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="155"/>
        <source>No open connection</source>
        <translation>没有已打开的连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/send_bar.py" line="162"/>
        <source>The server closed the connection; the next request opens a new one.</source>
        <translation>服务器已关闭连接；下一个请求将打开新连接。</translation>
    </message>
</context>
<context>
    <name>SendBox</name>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="88"/>
        <source>Data to send — Enter sends, Shift+Enter starts a new line. Hex: 48 65 6c 6c 6f · Escapes: \r \n \t \0 \xNN \\ · Fields: {{counter}} {{date}} {{time}} {{unix}} {{random:N}}</source>
        <translation>要发送的数据 — Enter 发送，Shift+Enter 换行。十六进制：48 65 6c 6c 6f · 转义：\r \n \t \0 \xNN \\ · 字段：{{counter}} {{date}} {{time}} {{unix}} {{random:N}}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="100"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="101"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="102"/>
        <source>Text + escapes</source>
        <translation>文本（含转义）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="110"/>
        <source>No line ending</source>
        <translation>无换行符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="118"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="121"/>
        <source>Expand {{counter}}, {{date}}, {{time}}, {{unix}} and {{random:N}} when sending</source>
        <translation>发送时替换 {{counter}}、{{date}}、{{time}}、{{unix}} 和 {{random:N}}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="128"/>
        <source>Next {{counter}}: </source>
        <translation>下一个 {{counter}}：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="132"/>
        <source>The number the next message with {{counter}} gets. Set it to start the counter there; messages without the field do not advance it.</source>
        <translation>下一条含 {{counter}} 的消息将使用的编号。修改它可让计数器从该值开始；不含该字段的消息不会使计数器递增。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="140"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="158"/>
        <source>forever</source>
        <translation>无限次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="159"/>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="160"/>
        <location filename="../../desktop/ui/widgets/send_box.py" line="312"/>
        <source>Repeat</source>
        <translation>定时发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="162"/>
        <source>Send every interval, on the I/O thread&apos;s clock</source>
        <translation>按设定间隔重复发送（由 I/O 线程计时）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="164"/>
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="170"/>
        <source>Send file…</source>
        <translation>发送文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="174"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message_picker.py" line="50"/>
        <source>Saved messages</source>
        <translation>已保存的消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message_picker.py" line="51"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message_picker.py" line="52"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="261"/>
        <source>Hex sends exactly the bytes typed: type 0d 0a for a line ending</source>
        <translation>十六进制模式按输入的字节原样发送：换行请输入 0d 0a</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="263"/>
        <source>Appended to each message</source>
        <translation>附加在每条消息末尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message_picker.py" line="76"/>
        <source>Delete the chosen saved message</source>
        <translation>删除选中的已保存消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message_picker.py" line="78"/>
        <source>Choose a saved message to delete it</source>
        <translation>请先选择要删除的已保存消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="312"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/send_box.py" line="323"/>
        <source>Send a file</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message_picker.py" line="114"/>
        <source>Save message</source>
        <translation>保存消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message_picker.py" line="115"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <location filename="../../desktop/ui/workbench/session_panel.py" line="88"/>
        <source>Save received data to a file…</source>
        <translation>将接收的数据保存到文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/session_panel.py" line="252"/>
        <source>Save received data to</source>
        <translation>将接收的数据保存到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/session_panel.py" line="270"/>
        <source>Nothing to export yet: no connection was made.</source>
        <translation>暂无可导出的内容：尚未建立过连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/session_panel.py" line="276"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/session_panel.py" line="303"/>
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
        <location filename="../../desktop/ui/http/target_bar.py" line="42"/>
        <source>The CA file {path} does not exist.</source>
        <translation>CA 文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="45"/>
        <source>The client certificate {path} does not exist.</source>
        <translation>客户端证书 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="49"/>
        <source>The key {path} does not exist.</source>
        <translation>私钥 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="54"/>
        <source>A key file needs its client certificate.</source>
        <translation>私钥文件需要配合其客户端证书使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="86"/>
        <location filename="../../desktop/ui/http/target_bar.py" line="138"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="90"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="91"/>
        <source>Verify certificate</source>
        <translation>验证证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="94"/>
        <source>SNI (default: host)</source>
        <translation>SNI（默认：主机名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="95"/>
        <source>SNI for IP addresses</source>
        <translation>IP 地址也发送 SNI</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="97"/>
        <source>Send the address in SNI too (RFC 6066 allows names only)</source>
        <translation>目标为 IP 地址时也在 SNI 中发送（RFC 6066 仅允许主机名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="99"/>
        <source>Legacy TLS 1.0/1.1</source>
        <translation>旧版 TLS 1.0/1.1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="101"/>
        <source>Allow TLS 1.0 and 1.1 and weak ciphers, for old servers and devices</source>
        <translation>允许 TLS 1.0、1.1 和弱加密套件，用于旧服务器和设备</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="103"/>
        <source>ALPN http/1.1</source>
        <translation>ALPN http/1.1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="104"/>
        <source>CA file (PEM)</source>
        <translation>CA 文件（PEM）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="105"/>
        <source>Client certificate (PEM)</source>
        <translation>客户端证书（PEM）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="106"/>
        <source>Key (PEM, if not in the certificate)</source>
        <translation>私钥（PEM，如未包含在证书中）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="108"/>
        <source>Choose the CA file…</source>
        <translation>选择 CA 文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="109"/>
        <source>Choose the client certificate…</source>
        <translation>选择客户端证书…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="110"/>
        <source>Choose the key file…</source>
        <translation>选择私钥文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="114"/>
        <source>none</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="140"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="159"/>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="160"/>
        <source>Read timeout</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="161"/>
        <source>Total timeout</source>
        <translation>总超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="180"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="259"/>
        <source>Type a host to connect to.</source>
        <translation>请输入要连接的主机。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="284"/>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="292"/>
        <source>Choose the CA file</source>
        <translation>选择 CA 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="296"/>
        <source>Choose the client certificate</source>
        <translation>选择客户端证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/target_bar.py" line="300"/>
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
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="61"/>
        <source>all addresses (IPv4 and IPv6)</source>
        <translation>所有地址（IPv4 和 IPv6）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="65"/>
        <source>any free</source>
        <translation>自动分配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="70"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="71"/>
        <source>Most clients at once</source>
        <translation>同时连接的最大客户端数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="72"/>
        <source>TLS (self-signed)</source>
        <translation>TLS（自签名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="74"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="76"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="79"/>
        <source>Max clients</source>
        <translation>最大客户端数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="107"/>
        <source>Send to every client</source>
        <translation>发送给所有客户端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="108"/>
        <source>Send to selected clients</source>
        <translation>发送给选中的客户端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="109"/>
        <source>Log of the selected client only</source>
        <translation>仅显示选中客户端的日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="110"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="158"/>
        <source>Start the server first.</source>
        <translation>请先启动服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="164"/>
        <source>Select one or more clients in the table first.</source>
        <translation>请先在表格中选择一个或多个客户端。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="202"/>
        <source>Server :{port}</source>
        <translation>服务器 :{port}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="212"/>
        <source>%n client(s) connected</source>
        <translation>
            <numerusform>已连接 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="206"/>
        <source>No clients</source>
        <translation>无客户端</translation>
    </message>
</context>
<context>
    <name>TemplatesButton</name>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="43"/>
        <source>{name} has {size} bytes; the template takes files up to {limit}.</source>
        <translation>{name} 有 {size} 字节；模板最多接受 {limit} 字节的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="51"/>
        <source>Could not read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/request_menus.py" line="59"/>
        <source>{name} is not UTF-8 text (byte {position}); paste binary content in the hex view instead.</source>
        <translation>{name} 不是 UTF-8 文本（第 {position} 字节）；二进制内容请粘贴到十六进制视图中。</translation>
    </message>
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
        <location filename="../../desktop/ui/widgets/traffic_label.py" line="74"/>
        <source>Received {received} bytes in {messages_in} reads, sent {sent} bytes in {messages_out} writes</source>
        <translation>已接收 {received} 字节（{messages_in} 次读取），已发送 {sent} 字节（{messages_out} 次写入）</translation>
    </message>
</context>
<context>
    <name>TransferModel</name>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="45"/>
        <source>{size}/s</source>
        <translation>{size}/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="57"/>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="60"/>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="64"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="85"/>
        <source>downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="86"/>
        <source>downloading {percent} %</source>
        <translation>正在下载 {percent}%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="90"/>
        <source>sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="91"/>
        <source>sending {percent} %</source>
        <translation>正在发送 {percent}%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="96"/>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="111"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="97"/>
        <source>failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="101"/>
        <source>cancelled: {reason}</source>
        <translation>已取消：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="108"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="109"/>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="110"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="112"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="113"/>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="114"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="138"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="139"/>
        <source>Peer</source>
        <translation>对方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="140"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="141"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="142"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="143"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="144"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="145"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="260"/>
        <source>↓ from</source>
        <translation>↓ 来自</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfer_model.py" line="262"/>
        <source>↑ to</source>
        <translation>↑ 发往</translation>
    </message>
</context>
<context>
    <name>TransfersWindow</name>
    <message>
        <location filename="../../desktop/ui/messenger/transfers_window.py" line="78"/>
        <source>Transfers</source>
        <translation>传输列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfers_window.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfers_window.py" line="97"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfers_window.py" line="98"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfers_window.py" line="99"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messenger/transfers_window.py" line="100"/>
        <source>Clear finished</source>
        <translation>清除已结束</translation>
    </message>
</context>
<context>
    <name>UdpBroadcastWidget</name>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="93"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="94"/>
        <source>List the network interfaces again</source>
        <translation>重新列出网络接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="100"/>
        <source>the interface&apos;s broadcast address</source>
        <translation>该网络接口的广播地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="107"/>
        <source>text to send (UTF-8)</source>
        <translation>要发送的文本（UTF-8）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="108"/>
        <source>Send to broadcast</source>
        <translation>发送广播</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="109"/>
        <source>Sends with SO_BROADCAST set on the session&apos;s socket</source>
        <translation>在会话的套接字上设置 SO_BROADCAST 后发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="115"/>
        <source>Interface</source>
        <translation>网络接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="116"/>
        <source>Destination</source>
        <translation>目标地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="118"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="119"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="143"/>
        <source>(no interface)</source>
        <translation>（无网络接口）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_broadcast.py" line="188"/>
        <source>Sends to {address} from {source}</source>
        <translation>从 {source} 发送到 {address}</translation>
    </message>
</context>
<context>
    <name>UdpMulticastPane</name>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="58"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="59"/>
        <source>List the network interfaces again</source>
        <translation>重新列出网络接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="61"/>
        <source>any source (optional)</source>
        <translation>任意源（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="63"/>
        <source>Source-specific multicast: receive the group only from this address</source>
        <translation>指定源组播：只接收来自该地址的组播数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="65"/>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="67"/>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="91"/>
        <source>Group</source>
        <translation>组播组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="67"/>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="92"/>
        <source>Interface</source>
        <translation>网络接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="67"/>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="93"/>
        <source>Source</source>
        <translation>源地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="70"/>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="75"/>
        <source>TTL (IPv4) or hop limit (IPv6) of multicast sent</source>
        <translation>发出组播的 TTL（IPv4）或跳数限制（IPv6）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="76"/>
        <source>Loopback</source>
        <translation>回环</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="78"/>
        <source>This machine&apos;s own members receive what is sent</source>
        <translation>本机上加入该组的成员也会收到发出的数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="79"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="83"/>
        <source>Send to this group</source>
        <translation>发送到该组播组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="84"/>
        <source>Make the group and port the send target</source>
        <translation>将该组播组和端口设为发送目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="107"/>
        <source>TTL / hops</source>
        <translation>TTL / 跳数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="108"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="164"/>
        <source>Type the multicast group to join.</source>
        <translation>请输入要加入的组播组。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="167"/>
        <source>Choose the interface to join the group on.</source>
        <translation>请选择加入组播组所用的网络接口。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_multicast_pane.py" line="204"/>
        <source>Type the multicast group to send to.</source>
        <translation>请输入要发送到的组播组。</translation>
    </message>
</context>
<context>
    <name>UdpNetworkTools</name>
    <message>
        <location filename="../../desktop/ui/workbench/udp_network_tools.py" line="63"/>
        <source>Subnet send…</source>
        <translation>网段发送…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_network_tools.py" line="65"/>
        <source>Send one datagram to every host of a network or address range</source>
        <translation>向一个网段或地址范围内的每台主机发送一个数据报</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_network_tools.py" line="73"/>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_network_tools.py" line="74"/>
        <source>Multicast</source>
        <translation>组播</translation>
    </message>
</context>
<context>
    <name>UdpPanel</name>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="78"/>
        <source>all addresses (IPv4 and IPv6)</source>
        <translation>所有地址（IPv4 和 IPv6）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="79"/>
        <source>all IPv4 addresses</source>
        <translation>所有 IPv4 地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="84"/>
        <source>Where to bind: a choice, or type a local address</source>
        <translation>绑定位置：从列表中选择，或输入本地地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="88"/>
        <source>any free</source>
        <translation>自动分配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="89"/>
        <source>Reuse address</source>
        <translation>地址复用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="91"/>
        <source>SO_REUSEADDR: share the port with programs that set it too</source>
        <translation>SO_REUSEADDR：与同样设置了该选项的程序共用端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="93"/>
        <source>Reuse port</source>
        <translation>端口复用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="95"/>
        <source>SO_REUSEPORT: programs on the same port share the datagrams out</source>
        <translation>SO_REUSEPORT：同一端口上的各程序分摊收到的数据报</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="98"/>
        <source>Bind</source>
        <translation>绑定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="100"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="109"/>
        <source>host, or pick a peer in the table</source>
        <translation>主机，或在表格中选择对端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="113"/>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="114"/>
        <source>Connected</source>
        <translation>连接模式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="116"/>
        <source>Talk to this peer only, and be told when nothing listens there</source>
        <translation>只与该对端通信，并在对方无程序监听时得到提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="125"/>
        <source>Send to</source>
        <translation>发送到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="147"/>
        <source>Peers</source>
        <translation>对端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="152"/>
        <source>Generator</source>
        <translation>发包器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="156"/>
        <source>One file per datagram…</source>
        <translation>每个数据报存为一个文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="231"/>
        <source>Connected mode needs a host and port to send to.</source>
        <translation>连接模式需要指定要发送到的主机和端口。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="269"/>
        <source>UDP :{port}</source>
        <translation>UDP :{port}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="283"/>
        <source>Start the UDP session first.</source>
        <translation>请先启动 UDP 会话。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="295"/>
        <source>Type a host and port to send to, or pick a peer in the table.</source>
        <translation>请输入要发送到的主机和端口，或在表格中选择对端。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="316"/>
        <source>Select one or more peers in the table first.</source>
        <translation>请先在表格中选择一个或多个对端。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_panel.py" line="341"/>
        <source>Save each datagram in</source>
        <translation>将每个数据报保存到</translation>
    </message>
</context>
<context>
    <name>UdpSubnetDialog</name>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="47"/>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="134"/>
        <source>Subnet send</source>
        <translation>网段发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="60"/>
        <source>text to send (UTF-8)</source>
        <translation>要发送的文本（UTF-8）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="64"/>
        <source> datagrams/s</source>
        <translation> 数据报/秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="65"/>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="71"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="73"/>
        <source>Cancel sending</source>
        <translation>取消发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="75"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="82"/>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="84"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="85"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="86"/>
        <source>Rate limit</source>
        <translation>速率限制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="105"/>
        <source>Type a network (CIDR) or an address range.</source>
        <translation>请输入网段（CIDR）或地址范围。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="114"/>
        <source>Hosts: {count} ({first} to {last})</source>
        <translation>主机：{count} 台（{first} 至 {last}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="135"/>
        <source>Send to {count} hosts ({first} to {last}) on port {port}?</source>
        <translation>要向 {count} 台主机（{first} 至 {last}）的端口 {port} 发送吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="172"/>
        <source>Sent {sent} of {total}, refused {refused}</source>
        <translation>已发送 {sent}/{total}，被拒绝 {refused}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/udp_subnet_dialog.py" line="180"/>
        <source>Cancelled: sent {sent} of {total}, refused {refused}</source>
        <translation>已取消：已发送 {sent}/{total}，被拒绝 {refused}</translation>
    </message>
</context>
<context>
    <name>WorkPage</name>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="256"/>
        <source>Record every HTTP exchange in the history</source>
        <translation>在历史记录中保存每次 HTTP 交换</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="260"/>
        <source>None. The composer connects straight to the host it is given; proxy settings of the system (HTTP_PROXY, HTTPS_PROXY) are never used.</source>
        <translation>无。请求编辑器直接连接到指定的主机，从不使用系统的代理设置（HTTP_PROXY、HTTPS_PROXY）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="265"/>
        <source>Send &amp;encoding</source>
        <translation>发送编码(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="266"/>
        <source>For sessions opened from now on.</source>
        <translation>对此后打开的会话生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="267"/>
        <source>Session &amp;log keeps</source>
        <translation>会话日志最多保留(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="268"/>
        <source>The oldest records go first; for new sessions.</source>
        <translation>超出上限时先丢弃最早的记录；对新会话生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="269"/>
        <source>HTTP history</source>
        <translation>HTTP 历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences/pages.py" line="270"/>
        <source>HTTP proxy</source>
        <translation>HTTP 代理</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="52"/>
        <source>New session</source>
        <translation>新建会话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="55"/>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="79"/>
        <source>TCP client</source>
        <translation>TCP 客户端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="56"/>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="88"/>
        <source>TCP server</source>
        <translation>TCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="57"/>
        <source>TCP relay (man in the middle)</source>
        <translation>TCP 中继（中间人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="58"/>
        <source>UDP session</source>
        <translation>UDP 会话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="95"/>
        <source>TCP relay</source>
        <translation>TCP 中继</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workbench/workbench_page.py" line="104"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../desktop/core/errors.py" line="70"/>
        <source>Could not connect to {address}: {detail}.</source>
        <translation>无法连接到 {address}：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="85"/>
        <source>the connection was refused (is a server listening there?)</source>
        <translation>连接被拒绝（该端口上是否有服务器在监听？）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="101"/>
        <source>no answer within {seconds} s</source>
        <translation>{seconds} 秒内无响应</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="113"/>
        <source>the host name is unknown ({reason})</source>
        <translation>无法解析主机名（{reason}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="116"/>
        <source>the host name is unknown</source>
        <translation>无法解析主机名</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="140"/>
        <source>{address} is already in use by another program.</source>
        <translation>{address} 已被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="157"/>
        <source>No permission to listen on {address} (ports below 1024 need administrator rights).</source>
        <translation>没有在 {address} 上监听的权限（1024 以下的端口需要管理员权限）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="163"/>
        <source>No permission to listen on {address}.</source>
        <translation>没有在 {address} 上监听的权限。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="176"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="186"/>
        <source>port {port} on any address</source>
        <translation>所有地址上的端口 {port}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/files.py" line="44"/>
        <location filename="../../desktop/core/ipmsg_io/tree_errors.py" line="74"/>
        <source>Could not write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="68"/>
        <source>HEAD is pipelined with other methods: responses are read as HEAD&apos;s.</source>
        <translation>HEAD 与其他方法一起管道化发送：所有响应都按 HEAD 的响应读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="109"/>
        <source>The kept-alive connection had closed; a new one was opened.</source>
        <translation>保持的连接已关闭；已新建连接。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/http/attempt.py" line="143"/>
        <source>%n byte(s) had arrived on the idle connection; they are read first.</source>
        <translation>
            <numerusform>空闲连接上已收到 %n 字节；先读取这些字节。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="181"/>
        <source>The server took no request bytes for {seconds} s (write timeout)</source>
        <translation>服务器在 {seconds} 秒内未接收任何请求字节（写入超时）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="210"/>
        <source>The exchange took longer than {seconds} s (total timeout)</source>
        <translation>交换耗时超过 {seconds} 秒（总超时）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="224"/>
        <source>The server sent nothing for {seconds} s (read timeout)</source>
        <translation>服务器在 {seconds} 秒内未发送任何数据（读取超时）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="246"/>
        <source>while connecting</source>
        <translation>当时正在连接</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/http/attempt.py" line="248"/>
        <source>after %n byte(s) (was|were) received</source>
        <translation>
            <numerusform>当时已收到 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="252"/>
        <source>before any response</source>
        <translation>当时尚未收到任何响应</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="255"/>
        <source>{why} ({got})</source>
        <translation>{why}（{got}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="257"/>
        <source>{why} {got}.</source>
        <translation>{why}，{got}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="273"/>
        <source>The connection was reset</source>
        <translation>连接被重置</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="276"/>
        <source>The server closed the kept-alive connection without answering (it may have dropped it as idle; send again on a new connection)</source>
        <translation>服务器未作应答就关闭了保持的连接（可能因空闲而断开；请在新连接上重新发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="284"/>
        <source>The server closed the connection without answering</source>
        <translation>服务器未作应答就关闭了连接</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/attempt.py" line="287"/>
        <source>The server closed the connection before the response was complete</source>
        <translation>服务器在响应完整之前关闭了连接</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl.py" line="35"/>
        <source>The command does not start with curl.</source>
        <translation>命令不是以 curl 开头。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl.py" line="39"/>
        <source>The curl command has no URL.</source>
        <translation>curl 命令中没有 URL。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl.py" line="43"/>
        <source>Only the first of {count} URLs is imported.</source>
        <translation>共有 {count} 个 URL，只导入了第一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_options.py" line="64"/>
        <source>The option {name} needs a value.</source>
        <translation>选项 {name} 需要一个值。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_options.py" line="76"/>
        <location filename="../../desktop/core/http/curl_request.py" line="114"/>
        <source>{option} {value} is ignored.</source>
        <translation>已忽略 {option} {value}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_options.py" line="94"/>
        <source>{option} is ignored: requests are sent as HTTP/1.1.</source>
        <translation>已忽略 {option}：请求均以 HTTP/1.1 发送。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_options.py" line="101"/>
        <source>The option {option} is not supported and is ignored.</source>
        <translation>不支持选项 {option}，已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="34"/>
        <source>The URL {url} has an invalid port.</source>
        <translation>URL {url} 的端口无效。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="61"/>
        <source>Some bytes are not UTF-8 and show as �; the exact bytes are kept in data.</source>
        <translation>部分字节不是 UTF-8，显示为 �；原始字节仍完整保留在数据中。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="79"/>
        <source>The --cert password is ignored: the key must be unencrypted.</source>
        <translation>已忽略 --cert 的密码：私钥必须是未加密的。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="101"/>
        <source>{option} {value} is not a number and is ignored.</source>
        <translation>{option} {value} 不是数字，已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="131"/>
        <source>-u has no password: an empty one is used (curl would ask for it).</source>
        <translation>-u 没有密码：使用空密码（curl 会提示输入）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="152"/>
        <source>-b {value} names a cookie file; it is not read.</source>
        <translation>-b {value} 指定的是 Cookie 文件；不会读取该文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="175"/>
        <source>-H {value} is not a header line; it is ignored.</source>
        <translation>-H {value} 不是头部行，已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="208"/>
        <source>{option} {value} names a file; it is not read (the body holds the name).</source>
        <translation>{option} {value} 指定的是文件；不会读取该文件（正文中只是文件名）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="230"/>
        <source>--data-urlencode {value} names a file; it is not read.</source>
        <translation>--data-urlencode {value} 指定的是文件；不会读取该文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="254"/>
        <source>The URL {url} is not valid ({reason}).</source>
        <translation>URL {url} 无效（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="262"/>
        <source>Only http and https URLs can be imported, not {scheme}.</source>
        <translation>只能导入 http 和 https URL，不支持 {scheme}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/curl_request.py" line="270"/>
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
        <location filename="../../desktop/core/http/redirect.py" line="179"/>
        <source>{method} became GET without a body ({status}).</source>
        <translation>{method} 已改为不带正文的 GET（{status}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="197"/>
        <source>Added cookies from the jar.</source>
        <translation>已添加已保存的 Cookie。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="234"/>
        <source>Redirect loop: {url} was already requested in this chain; stopped.</source>
        <translation>重定向循环：本次跳转链中已请求过 {url}；已停止。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/http/redirect.py" line="242"/>
        <source>Stopped after %n redirect(s) (the limit).</source>
        <translation>
            <numerusform>已在 %n 次重定向后停止（达到上限）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="258"/>
        <source>The Location {location} is not a valid URL.</source>
        <translation>Location {location} 不是有效的 URL。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="265"/>
        <source>The Location {location} is not an http or https URL.</source>
        <translation>Location {location} 不是 http 或 https URL。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/redirect.py" line="285"/>
        <source>Dropped {header} (another origin).</source>
        <translation>已移除 {header}（跨源）。</translation>
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
        <location filename="../../desktop/core/net/listen.py" line="84"/>
        <source>{host} is not an address of this machine.</source>
        <translation>{host} 不是本机的地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/udp_socket.py" line="93"/>
        <source>{source} sends more than {rate} datagrams a second; what it sends beyond that is ignored.</source>
        <translation>{source} 每秒发送超过 {rate} 个数据报；超出部分已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/udp_socket.py" line="103"/>
        <source>More than {rate} datagrams a second are arriving; the excess is ignored, so some peers may be missed.</source>
        <translation>每秒到达的数据报超过 {rate} 个；超出部分已忽略，可能漏掉部分用户。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/udp_socket.py" line="117"/>
        <source>Could not send a datagram to {address}: {reason}.</source>
        <translation>无法向 {address} 发送数据报：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/udp_socket.py" line="122"/>
        <source>Could not send a datagram: {reason}.</source>
        <translation>无法发送数据报：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/udp_socket.py" line="74"/>
        <source>Cannot listen on the broadcast address {address}; broadcasts from other users will not be heard.</source>
        <translation>无法在广播地址 {address} 上监听；将收不到其他用户的广播。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/packet_errors.py" line="26"/>
        <source>Received an IP Messenger packet that cannot be read: {reason}.</source>
        <translation>收到无法解析的飞鸽传书数据包：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/events.py" line="154"/>
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
        <location filename="../../desktop/core/ipmsg/messages.py" line="161"/>
        <source>Cannot send the IP Messenger packet: the text is too long: {size} bytes, and the peer reads {limit}.</source>
        <translation>无法发送飞鸽传书数据包：文本过长，共 {size} 字节，而对方最多读取 {limit} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messages.py" line="338"/>
        <source>Cannot send the IP Messenger packet: the text contains a NUL character, which would end it early.</source>
        <translation>无法发送飞鸽传书数据包：文本中含有 NUL 字符，会使文本提前结束。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messages.py" line="350"/>
        <source>Cannot send the IP Messenger packet: the text has {char}, which {encoding} cannot encode.</source>
        <translation>无法发送飞鸽传书数据包：文本中的 {char} 无法用 {encoding} 编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/messages.py" line="361"/>
        <source>Cannot send the IP Messenger packet: the encoding {encoding} writes NUL bytes, which end the text.</source>
        <translation>无法发送飞鸽传书数据包：编码 {encoding} 会写出 NUL 字节，使文本提前结束。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node.py" line="116"/>
        <source>Ignored a datagram from {address} that is not an IP Messenger packet: {reason}.</source>
        <translation>已忽略来自 {address} 的非飞鸽传书数据报：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node.py" line="135"/>
        <source>Could not answer: {reason}</source>
        <translation>无法应答：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="127"/>
        <source>The broadcast message was not sent to {peer}: {reason}</source>
        <translation>广播消息未发送给 {peer}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="183"/>
        <source>{sender} sent an encrypted message, which cannot be read here; it was not acknowledged.</source>
        <translation>{sender} 发送了加密消息，此处无法读取；未回复送达确认。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="351"/>
        <source>%n tr(y|ies)</source>
        <translation>
            <numerusform>%n 次尝试</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="302"/>
        <source>{peer} did not acknowledge the read receipt after {tries}.</source>
        <translation>经过 {tries}，{peer} 仍未确认已读回执。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="259"/>
        <source>{sender} offered files, but the list of them cannot be read, so the offer was dropped: {reason}.</source>
        <translation>{sender} 发来了文件，但文件列表无法解析，已忽略此次发送：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="312"/>
        <source>{name} has left the network</source>
        <translation>{name} 已离开网络</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="314"/>
        <source>no IP Messenger answered at that address</source>
        <translation>该地址上没有飞鸽传书程序应答</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="316"/>
        <source>no acknowledgement came back</source>
        <translation>未收到送达确认</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="321"/>
        <source>The message to {peer} was not delivered after {tries}: {why}.</source>
        <translation>经过 {tries}，发给 {peer} 的消息仍未送达：{why}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_chat.py" line="337"/>
        <source>The message to {peer} was not sent: the one before it was not acknowledged after {tries}.</source>
        <translation>发给 {peer} 的消息未发送：前一条消息经过 {tries} 仍未确认送达。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/node_core.py" line="198"/>
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
        <location filename="../../desktop/core/ipmsg/roster.py" line="184"/>
        <source>{ip} already has {count} users in the list; {peer} and others from there were not added.</source>
        <translation>{ip} 在列表中已有 {count} 位用户；{peer} 及该地址的其他用户未添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/roster.py" line="198"/>
        <source>The list of users is full ({cap}); {peer} and others after it were not added.</source>
        <translation>用户列表已满（{cap}）；{peer} 及之后的用户未添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/roster.py" line="233"/>
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
        <location filename="../../desktop/core/net/udp_files.py" line="80"/>
        <location filename="../../desktop/core/store/saved_messages.py" line="229"/>
        <location filename="../../desktop/settings_file.py" line="121"/>
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
        <location filename="../../desktop/core/net/listen.py" line="90"/>
        <source>{host} is not a valid address to listen on.</source>
        <translation>{host} 不是可监听的有效地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/listen.py" line="96"/>
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
        <location filename="../../desktop/core/store/database.py" line="141"/>
        <source>The database {path} is already closed.</source>
        <translation>数据库 {path} 已关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="238"/>
        <source>Could not {doing}: {reason}.</source>
        <translation>无法{doing}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="256"/>
        <source>database is locked</source>
        <translation>数据库已被锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="257"/>
        <source>attempt to write a readonly database</source>
        <translation>数据库为只读，无法写入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="258"/>
        <source>disk I/O error</source>
        <translation>磁盘输入/输出错误</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="259"/>
        <source>database disk image is malformed</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="260"/>
        <source>database or disk is full</source>
        <translation>数据库或磁盘已满</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="261"/>
        <source>unable to open database file</source>
        <translation>无法打开数据库文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="262"/>
        <source>file is not a database</source>
        <translation>该文件不是数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="269"/>
        <source>Could not open the database {path}: {reason}.</source>
        <translation>无法打开数据库 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="280"/>
        <source>update the database {path}</source>
        <translation>更新数据库 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/database.py" line="287"/>
        <source>The database {path} was written by a newer version of SocketDesk (schema {version}; this version knows up to {known}). Update SocketDesk, or move the file away to start afresh.</source>
        <translation>数据库 {path} 由更新版本的 SocketDesk 写入（架构版本 {version}；本版本最高支持 {known}）。请更新 SocketDesk，或将该文件移走后重新开始。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="182"/>
        <source>store the HTTP exchange</source>
        <translation>保存 HTTP 交换</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="205"/>
        <source>store the HTTP exchanges</source>
        <translation>保存 HTTP 交换</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="229"/>
        <location filename="../../desktop/core/store/http_history.py" line="292"/>
        <source>read the HTTP history</source>
        <translation>读取 HTTP 历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="241"/>
        <source>search the HTTP history</source>
        <translation>搜索 HTTP 历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="256"/>
        <source>read an HTTP exchange</source>
        <translation>读取 HTTP 交换</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="264"/>
        <source>No HTTP exchange {number} in the history.</source>
        <translation>历史记录中没有第 {number} 条 HTTP 交换。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="273"/>
        <source>delete an HTTP exchange</source>
        <translation>删除 HTTP 交换</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/http_history.py" line="283"/>
        <source>clear the HTTP history</source>
        <translation>清空 HTTP 历史记录</translation>
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
        <location filename="../../desktop/core/codec/input.py" line="181"/>
        <source>Lone &apos;\&apos; at {where}, the end of the text: write {escape} for a backslash.</source>
        <translation>文本末尾（{where}）有单独的 &apos;\&apos;：反斜杠请写成 {escape}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="201"/>
        <source>Escape {escape} at {where} needs two hex digits, like {example}.</source>
        <translation>{where}的转义 {escape} 需要两位十六进制数字，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="214"/>
        <source>Unknown escape {escape} at {where}: use {escapes} or {backslash}.</source>
        <translation>{where}有未知转义 {escape}：请使用 {escapes} 或 {backslash}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="224"/>
        <source>Unknown escape &apos;\&apos; followed by {char} at {where}: use {escapes} or {backslash}.</source>
        <translation>{where}有未知转义（&apos;\&apos; 后跟 {char}）：请使用 {escapes} 或 {backslash}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="242"/>
        <source>Field {open} at {where} is not closed: end it with {close}.</source>
        <translation>{where}的字段 {open} 未闭合：请以 {close} 结尾。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="267"/>
        <source>Field {field} at {where} takes no argument: write {plain}.</source>
        <translation>{where}的字段 {field} 不接受参数：请写成 {plain}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="285"/>
        <source>Field {field} at {where} needs a whole number from 1 to 10^18, like {example}.</source>
        <translation>{where}的字段 {field} 需要 1 到 10^18 之间的整数，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="299"/>
        <source>Unknown field {field} at {where}: use {fields} or {random}.</source>
        <translation>{where}有未知字段 {field}：请使用 {fields} 或 {random}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/codec/input.py" line="331"/>
        <source>{char} at {where} cannot be written in {encoding}.</source>
        <translation>{where}的 {char} 无法用 {encoding} 编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="217"/>
        <source>the local address is already in use</source>
        <translation>本地地址已被占用</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="219"/>
        <source>the local address is not an address of this machine</source>
        <translation>本地地址不是本机的地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="221"/>
        <source>the network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="223"/>
        <source>the host is unreachable</source>
        <translation>主机不可达</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="225"/>
        <source>the local address and the target are not of the same IP version</source>
        <translation>本地地址与目标的 IP 版本不同</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connect.py" line="233"/>
        <source>the host has no address</source>
        <translation>该主机没有可用的地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="127"/>
        <source>hostname mismatch: not valid for {name}</source>
        <translation>主机名不匹配：对 {name} 无效</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="131"/>
        <source>IP address mismatch: not valid for {name}</source>
        <translation>IP 地址不匹配：对 {name} 无效</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="143"/>
        <source>{reason} (the leaf, {subject})</source>
        <translation>{reason}（叶证书，{subject}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="145"/>
        <source>{reason} (the leaf)</source>
        <translation>{reason}（叶证书）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="149"/>
        <source>{reason} (certificate {depth} of the chain, {subject})</source>
        <translation>{reason}（证书链中的第 {depth} 张证书，{subject}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="151"/>
        <source>{reason} (certificate {depth} of the chain)</source>
        <translation>{reason}（证书链中的第 {depth} 张证书）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="159"/>
        <source>the server sent no certificate</source>
        <translation>服务器未发送证书</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="202"/>
        <source>Verification: not reported.</source>
        <translation>验证：未报告。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="205"/>
        <source>Verification: the chain and the name are trusted.</source>
        <translation>验证：证书链和名称均受信任。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="210"/>
        <source>Verification failed: {problems}.</source>
        <translation>验证失败：{problems}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="213"/>
        <source>Verification is off; it would have failed: {problems}.</source>
        <translation>验证已关闭；若开启验证将会失败：{problems}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="258"/>
        <source>Requiring client certificates needs a CA file to check them against.</source>
        <translation>要求客户端证书时，需要提供用于校验的 CA 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="301"/>
        <source>The key file {path} needs a certificate file to go with it.</source>
        <translation>私钥文件 {path} 需要配套的证书文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="313"/>
        <source>The CA file {path} could not be loaded ({reason}).</source>
        <translation>无法加载 CA 文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="314"/>
        <source>The certificate file {path} could not be loaded ({reason}).</source>
        <translation>无法加载证书文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="317"/>
        <source>The key file {path} could not be loaded ({reason}).</source>
        <translation>无法加载私钥文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="320"/>
        <source>The CA file {path} cannot be read ({reason}).</source>
        <translation>无法读取 CA 文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="321"/>
        <source>The certificate file {path} cannot be read ({reason}).</source>
        <translation>无法读取证书文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls.py" line="324"/>
        <source>The key file {path} cannot be read ({reason}).</source>
        <translation>无法读取私钥文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_files.py" line="36"/>
        <location filename="../../desktop/core/session/file_sink.py" line="33"/>
        <source>Could not create {path}: {reason}.</source>
        <translation>无法创建 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_files.py" line="51"/>
        <source>Could not write {path}: {reason}. {count} datagrams were saved.</source>
        <translation>无法写入 {path}：{reason}。已保存 {count} 个数据报。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/file_sink.py" line="67"/>
        <source>{path} is already closed.</source>
        <translation>{path} 已关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/file_sink.py" line="79"/>
        <source>Could not write {path}: {reason}. {count} bytes were saved before the failure.</source>
        <translation>无法写入 {path}：{reason}。出错前已保存 {count} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/file_sink.py" line="100"/>
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
        <location filename="../../desktop/core/session/log_lines.py" line="31"/>
        <source>Listening on {address} with TLS</source>
        <translation>正在监听 {address}（TLS）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="33"/>
        <source>Listening on {address}</source>
        <translation>正在监听 {address}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="41"/>
        <source>Client {client} connected from {peer}</source>
        <translation>客户端 {client} 已从 {peer} 连接</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="50"/>
        <source>Client {client} ({peer}): {reason}</source>
        <translation>客户端 {client}（{peer}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="59"/>
        <source>Sending file {path}…</source>
        <translation>正在发送文件 {path}…</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="65"/>
        <source>Sent file {name}: {count} bytes.</source>
        <translation>已发送文件 {name}：{count} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="72"/>
        <source>Relaying {address} → {target}</source>
        <translation>正在中继 {address} → {target}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="79"/>
        <source>Pair {pair}: {client} ⇄ {target}</source>
        <translation>连接对 {pair}：{client} ⇄ {target}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="89"/>
        <source>Pair {pair} ({client}): {reason}</source>
        <translation>连接对 {pair}（{client}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="98"/>
        <location filename="../../desktop/core/session/sentences.py" line="66"/>
        <source>Pair {pair}: {reason}</source>
        <translation>连接对 {pair}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="104"/>
        <source>Injected {count} bytes toward the target of pair {pair}</source>
        <translation>已向连接对 {pair} 的目标端注入 {count} 字节</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="106"/>
        <source>Injected {count} bytes toward the client of pair {pair}</source>
        <translation>已向连接对 {pair} 的客户端注入 {count} 字节</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="114"/>
        <source>#{pair} injected→target</source>
        <translation>#{pair} 注入→目标</translation>
    </message>
    <message>
        <location filename="../../desktop/core/session/log_lines.py" line="116"/>
        <source>#{pair} injected→client</source>
        <translation>#{pair} 注入→客户端</translation>
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
    <message>
        <location filename="../../desktop/core/http/charset.py" line="122"/>
        <source>The declared charset “{charset}” is unknown.</source>
        <translation>声明的字符集“{charset}”未知。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/charset.py" line="131"/>
        <source>The declared charset “{charset}” does not decode the body.</source>
        <translation>声明的字符集“{charset}”无法解码正文。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/chunked.py" line="100"/>
        <source>Chunk data is not followed by CRLF: the chunk size does not match the data. The rest is not parsed.</source>
        <translation>分块数据后面没有 CRLF：分块大小与数据不符。其余内容未解析。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/chunked.py" line="143"/>
        <source>Whitespace follows the chunk size {line}; strict parsers refuse it, the size was read.</source>
        <translation>分块大小 {line} 后面有空白；严格的解析器会拒绝，此处已读取该大小。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/chunked.py" line="156"/>
        <source>The chunk size {line} has a “;” with no extension after it; strict parsers refuse it, the size was read.</source>
        <translation>分块大小 {line} 中有“;”，但其后没有扩展；严格的解析器会拒绝，此处已读取该大小。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/chunked.py" line="173"/>
        <source>A chunk size line does not start with a hexadecimal digit; the body ends before it and the rest is not parsed.</source>
        <translation>某个分块大小行不以十六进制数字开头；正文在此之前结束，其余内容未解析。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/chunked.py" line="181"/>
        <source>A chunk size line {line} is bad; the body ends before it and the rest is not parsed.</source>
        <translation>分块大小行 {line} 有误；正文在此之前结束，其余内容未解析。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/chunked.py" line="195"/>
        <source>A line ends with LF alone instead of CRLF.</source>
        <translation>有一行以单独的 LF 结尾，而不是 CRLF。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/decode.py" line="86"/>
        <source>The coding “{coding}” is unknown; it is left as it is.</source>
        <translation>内容编码“{coding}”未知；保持原样。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/decode.py" line="103"/>
        <source>Decoding stopped at the cap of {size}; the body decodes to more than that (a decompression bomb?).</source>
        <translation>解码在上限 {size} 处停止；正文解码后超过该大小（可能是解压炸弹？）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/decode.py" line="215"/>
        <source>The body is not valid {coding} data ({error}); it is left as it is.</source>
        <translation>正文不是有效的 {coding} 数据（{error}）；保持原样。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/decode.py" line="223"/>
        <source>The {coding} data is corrupt after {count} decoded bytes ({error}).</source>
        <translation>{coding} 数据在解码出 {count} 字节后损坏（{error}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/decode.py" line="235"/>
        <source>The {coding} data ends early (the body may be cut short).</source>
        <translation>{coding} 数据提前结束（正文可能被截断）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/decode.py" line="242"/>
        <source>{count} bytes after the end of the {coding} data are not {coding} data; left out.</source>
        <translation>{coding} 数据结束后的 {count} 字节不是 {coding} 数据；已略去。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/framing.py" line="123"/>
        <source>Both Transfer-Encoding and Content-Length are present; Transfer-Encoding wins and Content-Length is ignored (a request-smuggling signal).</source>
        <translation>同时存在 Transfer-Encoding 和 Content-Length；以 Transfer-Encoding 为准，忽略 Content-Length（请求走私的迹象）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/framing.py" line="146"/>
        <source>chunked is not the last transfer coding; the body is read until the connection closes.</source>
        <translation>chunked 不是最后一个传输编码；正文将一直读取到连接关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/framing.py" line="165"/>
        <source>Content-Length is empty; the body is read until the connection closes.</source>
        <translation>Content-Length 为空；正文将一直读取到连接关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/framing.py" line="172"/>
        <source>Content-Length {value} is not a usable number; the body is read until the connection closes.</source>
        <translation>Content-Length {value} 不是可用的数字；正文将一直读取到连接关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/framing.py" line="189"/>
        <source>Content-Length has conflicting values ({values}); the body is read until the connection closes (a request-smuggling signal).</source>
        <translation>Content-Length 的值相互冲突（{values}）；正文将一直读取到连接关闭（请求走私的迹象）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/framing.py" line="203"/>
        <source>Content-Length is given {count} times, always {length}.</source>
        <translation>Content-Length 出现了 {count} 次，值均为 {length}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/framing.py" line="216"/>
        <source>Unknown transfer coding {coding}.</source>
        <translation>未知的传输编码 {coding}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/framing.py" line="218"/>
        <source>Unknown transfer coding {coding}; the body is read until the connection closes.</source>
        <translation>未知的传输编码 {coding}；正文将一直读取到连接关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/framing.py" line="223"/>
        <source>Unknown transfer list (it is empty); the body is read until the connection closes.</source>
        <translation>无法识别传输编码列表（列表为空）；正文将一直读取到连接关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/head.py" line="51"/>
        <source>A line ends with LF alone, not CRLF.</source>
        <translation>有一行以单独的 LF 结尾，而不是 CRLF。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/fields.py" line="30"/>
        <source>A bare CR (not followed by LF) is inside {where}; it is kept as received, but other parsers may end the line there.</source>
        <translation>{where}中有单独的 CR（后面没有 LF）；已按收到的原样保留，但其他解析器可能在此处断行。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/head.py" line="67"/>
        <source>the status line</source>
        <translation>状态行</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/fields.py" line="206"/>
        <source>A line starting with whitespace comes before any header; it is ignored.</source>
        <translation>在所有头部之前出现了以空白开头的行；已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/fields.py" line="221"/>
        <source>The value of {name} continues on the next line (obsolete line folding); it was unfolded with a space.</source>
        <translation>{name} 的值延续到了下一行（已废弃的折行写法）；已用一个空格展开。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/fields.py" line="15"/>
        <source>a header line</source>
        <translation>头部行</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/fields.py" line="238"/>
        <source>The header line {line} has no colon; it is ignored.</source>
        <translation>头部行 {line} 中没有冒号；已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/fields.py" line="247"/>
        <source>The header name {name} has whitespace before the colon; the header is kept as received.</source>
        <translation>头部名称 {name} 在冒号前有空白；该头部按收到的原样保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/fields.py" line="253"/>
        <source>The header name {name} is not a valid field name; the header is kept as received.</source>
        <translation>头部名称 {name} 不是有效的字段名；该头部按收到的原样保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/head.py" line="206"/>
        <source>Empty lines precede the status line.</source>
        <translation>状态行之前有空行。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/head.py" line="218"/>
        <source>The response speaks {protocol}, not HTTP; it is read as HTTP/1.1.</source>
        <translation>响应使用的是 {protocol}，不是 HTTP；按 HTTP/1.1 读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/head.py" line="230"/>
        <source>The version {version} is neither HTTP/1.0 nor HTTP/1.1; the response is read as HTTP/1.1.</source>
        <translation>版本 {version} 既不是 HTTP/1.0 也不是 HTTP/1.1；响应按 HTTP/1.1 读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/head.py" line="243"/>
        <source>{count} spaces separate the version from the status code, not one.</source>
        <translation>版本与状态码之间隔了 {count} 个空格，而不是一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="95"/>
        <source>“{char}” cannot be written in {encoding}.</source>
        <translation>“{char}”无法用 {encoding} 编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="119"/>
        <source>Removed {count} empty line(s) before the request line.</source>
        <translation>已删除请求行之前的 {count} 个空行。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="125"/>
        <source>Added the empty line that ends the head.</source>
        <translation>已添加结束头部的空行。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="131"/>
        <source>There is no Host header (HTTP/1.1 requires one).</source>
        <translation>没有 Host 头（HTTP/1.1 要求必须有）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="324"/>
        <source>There are several Content-Length headers; they are left as typed.</source>
        <translation>有多个 Content-Length 头；按输入原样保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="335"/>
        <source>Added Content-Length: {length}.</source>
        <translation>已添加 Content-Length: {length}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="347"/>
        <source>Content-Length changed from {typed} to {length}, the body&apos;s length.</source>
        <translation>Content-Length 已从 {typed} 改为正文长度 {length}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="355"/>
        <source>Content-Length changed from (empty) to {length}, the body&apos;s length.</source>
        <translation>Content-Length 已从（空）改为正文长度 {length}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="372"/>
        <source>The head has lines ending in LF alone (sent as typed).</source>
        <translation>头部中有以单独的 LF 结尾的行（按输入原样发送）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="378"/>
        <source>The head does not end with an empty line (sent as typed).</source>
        <translation>头部没有以空行结束（按输入原样发送）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/request.py" line="387"/>
        <source>Content-Length says {typed} but the body has {length} bytes (sent as typed).</source>
        <translation>Content-Length 为 {typed}，但正文有 {length} 字节（按输入原样发送）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="27"/>
        <source>The connection closed with the body {count} bytes short of its Content-Length.</source>
        <translation>连接已关闭，正文比 Content-Length 少 {count} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="38"/>
        <source>The connection closed before the last chunk of the chunked body.</source>
        <translation>连接在分块正文的最后一个分块到达之前关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="48"/>
        <source>The status line is not “HTTP/x.y NNN reason”; the rest is not parsed.</source>
        <translation>状态行不符合“HTTP/x.y NNN reason”格式；其余内容未解析。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="52"/>
        <source>The status line does not start with “HTTP/”; the rest is not parsed.</source>
        <translation>状态行不以“HTTP/”开头；其余内容未解析。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="61"/>
        <source>The connection switched protocols (101, or a tunnel after CONNECT); the bytes after the response belong to that protocol and are not parsed.</source>
        <translation>连接已切换协议（101，或 CONNECT 之后的隧道）；响应之后的字节属于该协议，不作解析。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="72"/>
        <source>Bytes arrived after the end of the response (a request-smuggling signal).</source>
        <translation>响应结束后仍收到了字节（请求走私的迹象）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="81"/>
        <source>The connection closed mid-head.</source>
        <translation>连接在头部中途关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="86"/>
        <source>The connection closed before a status line.</source>
        <translation>连接在收到状态行之前关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="91"/>
        <source>The connection closed with 0 bytes.</source>
        <translation>连接关闭，未收到任何字节。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="97"/>
        <source>The connection closed after interim (1xx) responses only.</source>
        <translation>连接在只收到临时（1xx）响应后关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="105"/>
        <source>The headers reached the cap of {size}; reading stopped.</source>
        <translation>头部达到上限 {size}；已停止读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/response_sentences.py" line="110"/>
        <source>The bodies reached the cap of {size}; reading stopped.</source>
        <translation>正文达到上限 {size}；已停止读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/url_reasons.py" line="17"/>
        <source>Invalid IPv6 URL</source>
        <translation>无效的 IPv6 URL</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/url_reasons.py" line="18"/>
        <source>An IPv4 address cannot be in brackets</source>
        <translation>IPv4 地址不能放在方括号中</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/url_reasons.py" line="21"/>
        <source>IPvFuture address is invalid</source>
        <translation>IPvFuture 地址无效</translation>
    </message>
    <message>
        <location filename="../../desktop/core/http/url_reasons.py" line="35"/>
        <source>&apos;{host}&apos; does not appear to be an IPv4 or IPv6 address</source>
        <translation>&apos;{host}&apos; 看起来不是 IPv4 或 IPv6 地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/attachments.py" line="63"/>
        <source>its attachment list is empty</source>
        <translation>附件列表为空</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/attachments.py" line="99"/>
        <source>attachment id {id} is not a decimal number</source>
        <translation>附件编号 {id} 不是十进制数</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/attachments.py" line="110"/>
        <source>attachment {name} lacks a hex size, time and attribute</source>
        <translation>附件 {name} 缺少十六进制的大小、时间和属性</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/attachments.py" line="132"/>
        <source>an attachment has no name followed by &apos;:&apos;</source>
        <translation>有附件缺少后跟 &apos;:&apos; 的名称</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/packet.py" line="88"/>
        <source>it is {size} bytes long, more than a UDP datagram holds</source>
        <translation>长度为 {size} 字节，超过了一个 UDP 数据报的容量</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/packet.py" line="98"/>
        <source>it has fewer than five &apos;:&apos;-separated header fields</source>
        <translation>以 &apos;:&apos; 分隔的头部字段少于五个</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/packet.py" line="127"/>
        <source>its version field contains a NUL byte</source>
        <translation>版本字段中含有 NUL 字节</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/packet.py" line="128"/>
        <source>its user field contains a NUL byte</source>
        <translation>用户字段中含有 NUL 字节</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/packet.py" line="129"/>
        <source>its host field contains a NUL byte</source>
        <translation>主机字段中含有 NUL 字节</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/packet.py" line="110"/>
        <source>its packet number {value} is not an unsigned 32-bit decimal</source>
        <translation>包编号 {value} 不是 32 位无符号十进制数</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/packet.py" line="118"/>
        <source>its command {value} is not an unsigned 32-bit decimal</source>
        <translation>命令 {value} 不是 32 位无符号十进制数</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/targets.py" line="44"/>
        <source>has the port {port}, which is not in 1..65535</source>
        <translation>端口 {port} 不在 1..65535 范围内</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/targets.py" line="60"/>
        <source>is not an IPv4 address, range or subnet ({detail})</source>
        <translation>不是 IPv4 地址、地址范围或子网（{detail}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/targets.py" line="80"/>
        <source>brings the targets past {count} addresses</source>
        <translation>使目标地址超过 {count} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/targets.py" line="96"/>
        <source>ends before it starts</source>
        <translation>结束地址小于起始地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/targets.py" line="101"/>
        <source>holds more than {count} addresses</source>
        <translation>包含超过 {count} 个地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/broadcast.py" line="41"/>
        <source>Broadcast to 255.255.255.255 needs an interface: choose the one to send on.</source>
        <translation>向 255.255.255.255 广播需要指定网络接口：请选择用于发送的网络接口。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/broadcast.py" line="56"/>
        <source>The interface {name} cannot broadcast (it is down, has no IPv4 address, or its kind of link has no broadcast).</source>
        <translation>网络接口 {name} 无法广播（接口未启用、没有 IPv4 地址，或其链路类型不支持广播）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connection.py" line="42"/>
        <source>The peer closed the connection.</source>
        <translation>对端关闭了连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connection.py" line="43"/>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connection.py" line="44"/>
        <source>Disconnected.</source>
        <translation>已断开。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connection.py" line="45"/>
        <source>The connection was reset by the peer.</source>
        <translation>连接被对端重置。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connection.py" line="253"/>
        <source>{peer} is not reading: {count} bytes are still waiting to be sent, so nothing more was queued.</source>
        <translation>{peer} 没有读取数据：仍有 {count} 字节等待发送，因此不再加入发送队列。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connection.py" line="304"/>
        <source>The peer stopped receiving (broken pipe).</source>
        <translation>对端已停止接收（管道破裂）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connection.py" line="306"/>
        <source>The connection timed out.</source>
        <translation>连接超时。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/connection.py" line="310"/>
        <source>The connection was lost: {why}.</source>
        <translation>连接已中断：{why}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/interfaces.py" line="40"/>
        <source>There is no network interface called {name} here.</source>
        <translation>本机没有名为 {name} 的网络接口。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/multicast.py" line="53"/>
        <source>The interface {name} cannot do multicast: choose another one.</source>
        <translation>网络接口 {name} 不支持组播：请选择其他网络接口。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/multicast.py" line="68"/>
        <source>{group} is an IPv4 group, and this session is bound to IPv6: bind it to an IPv4 address (0.0.0.0 for all) to join it.</source>
        <translation>{group} 是 IPv4 组播组，而本会话绑定在 IPv6 上：要加入它，请绑定到 IPv4 地址（全部地址用 0.0.0.0）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/multicast.py" line="77"/>
        <source>{group} is an IPv6 group, and this session is bound to IPv4: bind it to an IPv6 address (:: for all) to join it.</source>
        <translation>{group} 是 IPv6 组播组，而本会话绑定在 IPv4 上：要加入它，请绑定到 IPv6 地址（全部地址用 ::）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/multicast.py" line="94"/>
        <source>{group} is not a multicast group address (IPv4 224.0.0.0/4, IPv6 ff00::/8).</source>
        <translation>{group} 不是组播组地址（IPv4 224.0.0.0/4，IPv6 ff00::/8）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/multicast.py" line="110"/>
        <source>Source-specific multicast over {family} is not supported on this system; join the group without a source.</source>
        <translation>本系统不支持基于 {family} 的指定源组播；请不指定源地址加入组播组。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/multicast.py" line="286"/>
        <source>Could not join multicast group {group} on {name}: {reason}.</source>
        <translation>无法在 {name} 上加入组播组 {group}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/multicast.py" line="290"/>
        <source>Could not leave multicast group {group} on {name}: {reason}.</source>
        <translation>无法在 {name} 上退出组播组 {group}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/relay.py" line="35"/>
        <source>The relay was stopped.</source>
        <translation>中继已被停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/relay_piping.py" line="25"/>
        <source>The client closed the connection.</source>
        <translation>客户端关闭了连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/relay_piping.py" line="26"/>
        <source>The target closed the connection.</source>
        <translation>目标端关闭了连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/relay_piping.py" line="30"/>
        <source>The target closed the connection, then the client.</source>
        <translation>目标端关闭了连接，随后客户端也关闭了。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/relay_piping.py" line="33"/>
        <source>The client closed the connection, then the target.</source>
        <translation>客户端关闭了连接，随后目标端也关闭了。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/relay_piping.py" line="38"/>
        <source>On the client side: {reason}</source>
        <translation>客户端侧：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/relay_piping.py" line="39"/>
        <source>On the target side: {reason}</source>
        <translation>目标端侧：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/relay.py" line="203"/>
        <source>Closed by the user.</source>
        <translation>已被用户关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/relay.py" line="227"/>
        <source>Refused {peer}: the relay is stopping.</source>
        <translation>已拒绝 {peer}：中继正在停止。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/net/relay.py" line="231"/>
        <source>Refused {peer}: the limit of %n pair(s) is reached.</source>
        <translation>
            <numerusform>已拒绝 {peer}：已达到 %n 个连接对的上限。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="26"/>
        <source>Name or service not known</source>
        <translation>未知的名称或服务</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="27"/>
        <source>Temporary failure in name resolution</source>
        <translation>域名解析暂时失败</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="28"/>
        <source>Non-recoverable failure in name resolution</source>
        <translation>域名解析发生不可恢复的错误</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="29"/>
        <source>No address associated with hostname</source>
        <translation>该主机名没有关联的地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="30"/>
        <source>Address family for hostname not supported</source>
        <translation>不支持该主机名的地址族</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="31"/>
        <source>ai_family not supported</source>
        <translation>不支持所请求的地址族</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="32"/>
        <source>Servname not supported for ai_socktype</source>
        <translation>所请求的套接字类型不支持该服务名</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="33"/>
        <source>Memory allocation failure</source>
        <translation>内存分配失败</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="34"/>
        <source>System error</source>
        <translation>系统错误</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="59"/>
        <source>no host name was given</source>
        <translation>未提供主机名</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="66"/>
        <source>names under .invalid never exist</source>
        <translation>按照 RFC 6761，这一保留后缀下的域名永远不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/resolve.py" line="75"/>
        <source>the name is not a valid host name</source>
        <translation>该名称不是有效的主机名</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/subnet.py" line="48"/>
        <source>&apos;{text}&apos; is not a subnet or an address range: {reason}.</source>
        <translation>&apos;{text}&apos; 不是网段或地址范围：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/subnet.py" line="65"/>
        <source>{text} holds {count} hosts; a subnet send goes to at most {limit}: split it into smaller ranges.</source>
        <translation>{text} 包含 {count} 台主机；网段发送最多支持 {limit} 台：请拆分成更小的范围。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/subnet.py" line="126"/>
        <source>the prefix length is not valid</source>
        <translation>前缀长度无效</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/subnet.py" line="146"/>
        <source>its two ends are not the same IP version</source>
        <translation>起止地址的 IP 版本不同</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/subnet.py" line="149"/>
        <source>it ends before it starts</source>
        <translation>结束地址小于起始地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/subnet.py" line="159"/>
        <source>&apos;{part}&apos; is not an IP address</source>
        <translation>&apos;{part}&apos; 不是 IP 地址</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tcp_server.py" line="155"/>
        <source>The server was stopped.</source>
        <translation>服务器已被停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tcp_server.py" line="221"/>
        <source>Disconnected by the server.</source>
        <translation>已被服务器断开。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/core/net/tcp_server.py" line="238"/>
        <source>Refused {peer}: the limit of %n client(s) is reached.</source>
        <translation>
            <numerusform>已拒绝 {peer}：已达到 %n 个客户端的上限。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tcp_server.py" line="276"/>
        <source>TLS handshake with {peer} failed: {reason}</source>
        <translation>与 {peer} 的 TLS 握手失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_chain.py" line="131"/>
        <source>The ALPN protocol list is invalid ({reason}).</source>
        <translation>ALPN 协议列表无效（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_chain.py" line="157"/>
        <source>The name {name} cannot be sent in SNI ({reason}).</source>
        <translation>名称 {name} 无法在 SNI 中发送（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_chain.py" line="204"/>
        <source>{first} Also: {others}.</source>
        <translation>{first}另外：{others}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_chain.py" line="219"/>
        <location filename="../../desktop/core/net/tls_errors.py" line="192"/>
        <source>No TLS version in common with the server.</source>
        <translation>与服务器没有共同支持的 TLS 版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_chain.py" line="222"/>
        <source>No TLS version in common with the server (TLS 1.2 or newer is required; an old server that speaks only TLS 1.0 or 1.1 is reachable with legacy TLS on).</source>
        <translation>与服务器没有共同支持的 TLS 版本（要求 TLS 1.2 或更高版本；只支持 TLS 1.0 或 1.1 的旧服务器需开启旧版 TLS 才能连接）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_chain.py" line="234"/>
        <source>The server broke the TLS protocol (an unexpected or malformed message).</source>
        <translation>服务器违反了 TLS 协议（收到意外或格式错误的消息）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="45"/>
        <source>The TLS handshake timed out.</source>
        <translation>TLS 握手超时。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="54"/>
        <location filename="../../desktop/core/net/tls_errors.py" line="252"/>
        <source>The client closed the connection during the TLS handshake.</source>
        <translation>客户端在 TLS 握手期间关闭了连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="56"/>
        <location filename="../../desktop/core/net/tls_errors.py" line="251"/>
        <source>The server closed the connection during the TLS handshake.</source>
        <translation>服务器在 TLS 握手期间关闭了连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="62"/>
        <source>TLS failed: {reason}.</source>
        <translation>TLS 失败：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="85"/>
        <source>The server&apos;s certificate is signed by an unknown authority: {detail}; trust it with a CA file or turn verification off.</source>
        <translation>服务器证书由未知的证书颁发机构签发：{detail}；请用 CA 文件信任它，或关闭验证。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="90"/>
        <source>The client&apos;s certificate is signed by an unknown authority: {detail}; trust it with a CA file or turn verification off.</source>
        <translation>客户端证书由未知的证书颁发机构签发：{detail}；请用 CA 文件信任它，或关闭验证。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="97"/>
        <source>The server&apos;s certificate is self-signed and not trusted: {detail}; trust it with a CA file or turn verification off.</source>
        <translation>服务器证书是不受信任的自签名证书：{detail}；请用 CA 文件信任它，或关闭验证。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="102"/>
        <source>The client&apos;s certificate is self-signed and not trusted: {detail}; trust it with a CA file or turn verification off.</source>
        <translation>客户端证书是不受信任的自签名证书：{detail}；请用 CA 文件信任它，或关闭验证。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="109"/>
        <source>The server&apos;s certificate chain ends in an untrusted self-signed one: {detail}; trust it with a CA file or turn verification off.</source>
        <translation>服务器的证书链以不受信任的自签名证书结尾：{detail}；请用 CA 文件信任它，或关闭验证。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="114"/>
        <source>The client&apos;s certificate chain ends in an untrusted self-signed one: {detail}; trust it with a CA file or turn verification off.</source>
        <translation>客户端的证书链以不受信任的自签名证书结尾：{detail}；请用 CA 文件信任它，或关闭验证。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="124"/>
        <source>The server&apos;s certificate has expired: {detail}.</source>
        <translation>服务器证书已过期：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="125"/>
        <source>The client&apos;s certificate has expired: {detail}.</source>
        <translation>客户端证书已过期：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="128"/>
        <source>The server&apos;s certificate is not valid yet: {detail}; check this computer&apos;s clock.</source>
        <translation>服务器证书尚未生效：{detail}；请检查本机的时钟。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="132"/>
        <source>The client&apos;s certificate is not valid yet: {detail}; check this computer&apos;s clock.</source>
        <translation>客户端证书尚未生效：{detail}；请检查本机的时钟。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="138"/>
        <source>The server&apos;s certificate has been revoked: {detail}.</source>
        <translation>服务器证书已被吊销：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="139"/>
        <source>The client&apos;s certificate has been revoked: {detail}.</source>
        <translation>客户端证书已被吊销：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="142"/>
        <source>The server&apos;s certificate is for another name (hostname mismatch): {detail}.</source>
        <translation>服务器证书是为其他名称签发的（主机名不匹配）：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="145"/>
        <source>The client&apos;s certificate is for another name (hostname mismatch): {detail}.</source>
        <translation>客户端证书是为其他名称签发的（主机名不匹配）：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="150"/>
        <source>The server&apos;s certificate is for another address (IP address mismatch): {detail}.</source>
        <translation>服务器证书是为其他地址签发的（IP 地址不匹配）：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="154"/>
        <source>The client&apos;s certificate is for another address (IP address mismatch): {detail}.</source>
        <translation>客户端证书是为其他地址签发的（IP 地址不匹配）：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="161"/>
        <source>The server&apos;s certificate could not be verified: {detail}.</source>
        <translation>无法验证服务器证书：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="162"/>
        <source>The client&apos;s certificate could not be verified: {detail}.</source>
        <translation>无法验证客户端证书：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="177"/>
        <source>A client certificate is required but none was sent.</source>
        <translation>需要客户端证书，但对方未发送任何证书。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="180"/>
        <source>The server does not know the name sent in SNI.</source>
        <translation>服务器不认识 SNI 中发送的名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="185"/>
        <source>The server does not speak TLS on this port.</source>
        <translation>服务器在此端口上不使用 TLS。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="186"/>
        <source>The client does not speak TLS on this port.</source>
        <translation>客户端在此端口上不使用 TLS。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="193"/>
        <source>No TLS version in common with the client.</source>
        <translation>与客户端没有共同支持的 TLS 版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="199"/>
        <source>No cipher suite in common with the server.</source>
        <translation>与服务器没有共同支持的加密套件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="200"/>
        <source>No cipher suite in common with the client.</source>
        <translation>与客户端没有共同支持的加密套件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="206"/>
        <source>The server refused the TLS handshake (handshake failure: often no cipher suite in common).</source>
        <translation>服务器拒绝了 TLS 握手（握手失败：通常是没有共同支持的加密套件）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="211"/>
        <source>The client refused the TLS handshake (handshake failure: often no cipher suite in common).</source>
        <translation>客户端拒绝了 TLS 握手（握手失败：通常是没有共同支持的加密套件）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="233"/>
        <source>The server rejected our certificate.</source>
        <translation>服务器拒绝了我方的证书。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="234"/>
        <source>The client rejected our certificate.</source>
        <translation>客户端拒绝了我方的证书。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="240"/>
        <source>No ALPN protocol in common with the server.</source>
        <translation>与服务器没有共同支持的 ALPN 协议。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="241"/>
        <source>No ALPN protocol in common with the client.</source>
        <translation>与客户端没有共同支持的 ALPN 协议。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="285"/>
        <source>unable to get issuer certificate</source>
        <translation>无法获取签发者证书</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="286"/>
        <source>unable to decrypt certificate&apos;s signature</source>
        <translation>无法解密证书的签名</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="287"/>
        <source>unable to decode issuer public key</source>
        <translation>无法解码签发者的公钥</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="288"/>
        <source>certificate signature failure</source>
        <translation>证书签名验证失败</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="289"/>
        <source>certificate is not yet valid</source>
        <translation>证书尚未生效</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="290"/>
        <source>certificate has expired</source>
        <translation>证书已过期</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="291"/>
        <source>format error in certificate&apos;s notBefore field</source>
        <translation>证书的 notBefore 字段格式错误</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="292"/>
        <source>format error in certificate&apos;s notAfter field</source>
        <translation>证书的 notAfter 字段格式错误</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="293"/>
        <source>self-signed certificate</source>
        <translation>自签名证书</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="294"/>
        <source>self-signed certificate in certificate chain</source>
        <translation>证书链中有自签名证书</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="295"/>
        <source>unable to get local issuer certificate</source>
        <translation>无法获取本地签发者证书</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="296"/>
        <source>unable to verify the first certificate</source>
        <translation>无法验证第一张证书</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="297"/>
        <source>certificate chain too long</source>
        <translation>证书链过长</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="298"/>
        <source>certificate revoked</source>
        <translation>证书已被吊销</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="299"/>
        <source>invalid CA certificate</source>
        <translation>无效的 CA 证书</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="300"/>
        <source>path length constraint exceeded</source>
        <translation>超出路径长度限制</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="301"/>
        <source>unsupported certificate purpose</source>
        <translation>不支持的证书用途</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="302"/>
        <source>certificate not trusted</source>
        <translation>证书不受信任</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="303"/>
        <source>certificate rejected</source>
        <translation>证书被拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="304"/>
        <source>hostname mismatch</source>
        <translation>主机名不匹配</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="305"/>
        <source>IP address mismatch</source>
        <translation>IP 地址不匹配</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="306"/>
        <source>EE certificate key too weak</source>
        <translation>终端实体证书的密钥强度过低</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="307"/>
        <source>CA certificate key too weak</source>
        <translation>CA 证书的密钥强度过低</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="308"/>
        <source>CA signature digest algorithm too weak</source>
        <translation>CA 签名摘要算法强度过低</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/tls_errors.py" line="321"/>
        <source>verification error {code}</source>
        <translation>验证错误 {code}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_facts.py" line="63"/>
        <source>A datagram of {size} bytes is too large: UDP over {ip} carries at most {limit} bytes. Nothing was sent.</source>
        <extracomment>The largest UDP payload over IPv4: 65,535 - 20 (IP header) - 8 (UDP header). The largest UDP payload over IPv6 without jumbograms: 65,535 - 8 (the IPv6 header is extra). The largest payload that fits one 1500-byte Ethernet frame over IPv4 (1500 - 20 - 8).</extracomment>
        <translation>{size} 字节的数据报过大：基于 {ip} 的 UDP 最多承载 {limit} 字节。未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_facts.py" line="83"/>
        <source>Nothing is listening on {address}: it answered that the port is unreachable.</source>
        <translation>{address} 上没有程序在监听：对方回应端口不可达。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_facts.py" line="99"/>
        <source>The system&apos;s send buffer is full: a datagram to {address} was dropped.</source>
        <translation>系统发送缓冲区已满：发往 {address} 的一个数据报已被丢弃。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/errors.py" line="134"/>
        <source>{address} is already in use by {owner}.</source>
        <translation>{address} 已被 {owner} 占用。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_facts.py" line="118"/>
        <source>{head} To share it, both programs must turn on address reuse (SO_REUSEADDR; SO_REUSEPORT to share the datagrams between them).</source>
        <translation>{head}如需共用，两个程序都必须开启地址复用（SO_REUSEADDR；如需在两者之间分摊数据报，则用 SO_REUSEPORT）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_facts.py" line="143"/>
        <source>A datagram of {size} bytes is larger than {safe} bytes: on Ethernet it is sent in fragments, and losing any one of them loses the whole datagram.</source>
        <translation>{size} 字节的数据报大于 {safe} 字节：在以太网上会分片发送，任何一个分片丢失都会导致整个数据报丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_facts.py" line="157"/>
        <source>Truncated: the datagram from {peer} had {size} bytes; only the first {kept} were kept.</source>
        <translation>已截断：来自 {peer} 的数据报有 {size} 字节；只保留了前 {kept} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_facts.py" line="171"/>
        <source>UDP does not confirm delivery: without a fixed peer (connected mode) nothing tells you whether anybody is listening.</source>
        <translation>UDP 不确认送达：没有固定对端（连接模式）时，无法得知是否有人在监听。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_generator.py" line="180"/>
        <source>Sent {count} datagrams in {seconds} s ({rate} datagrams/s, {mbits} Mbit/s).</source>
        <translation>在 {seconds} 秒内发送了 {count} 个数据报（{rate} 数据报/秒，{mbits} Mbit/s）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_notes.py" line="13"/>
        <source>No peer has been seen: nothing was sent.</source>
        <translation>尚未发现任何对端：未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_notes.py" line="19"/>
        <source>Choose a host and port to send to: nothing was sent.</source>
        <translation>请选择要发送到的主机和端口：未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_notes.py" line="25"/>
        <source>The generator is already running.</source>
        <translation>发包器已在运行。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_notes.py" line="31"/>
        <source>Saved {count} datagrams to {path}.</source>
        <translation>已将 {count} 个数据报保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_notes.py" line="38"/>
        <source>Sent {path} as {count} datagrams.</source>
        <translation>已将 {path} 分成 {count} 个数据报发送。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_notes.py" line="44"/>
        <source>Bound to {address}.</source>
        <translation>已绑定到 {address}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_peers.py" line="121"/>
        <source>{count} peers forgotten: the table keeps the {capacity} most recently seen.</source>
        <extracomment>Peers kept at most (each costs ~300 bytes: 4,096 peers ≈ 1.2 MB).</extracomment>
        <translation>已移除 {count} 个对端：表格只保留最近出现的 {capacity} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_socket.py" line="122"/>
        <source>Choosing the interface {name} by name needs Linux; bind to its address instead.</source>
        <translation>按名称选择网络接口 {name} 需要 Linux；请改为绑定到它的地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_socket.py" line="136"/>
        <source>There is no network interface named {name}.</source>
        <translation>没有名为 {name} 的网络接口。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_socket.py" line="143"/>
        <source>No permission to send through the interface {name} by name; bind to its address instead.</source>
        <translation>没有按名称通过网络接口 {name} 发送的权限；请改为绑定到它的地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_socket.py" line="186"/>
        <source>Cannot send to the IPv6 address {host} from a session bound to IPv4; bind to :: (IPv6 and IPv4) instead.</source>
        <translation>绑定到 IPv4 的会话无法向 IPv6 地址 {host} 发送；请改为绑定到 ::（IPv6 和 IPv4）。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_socket.py" line="202"/>
        <source>{address} cannot be reached: no route to its network.</source>
        <translation>无法到达 {address}：没有到其网络的路由。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_socket.py" line="209"/>
        <source>Sending to {address} was refused: to send to a broadcast address, turn broadcast on.</source>
        <translation>向 {address} 发送被拒绝：要发送到广播地址，请开启广播。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_socket.py" line="220"/>
        <source>{address} cannot be reached from the address this session is bound to.</source>
        <translation>从本会话绑定的地址无法到达 {address}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/net/udp_socket.py" line="228"/>
        <source>Could not send to {address}: {reason}.</source>
        <translation>无法发送到 {address}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/http/redirect_flow.py" line="89"/>
        <source>There is no redirect to follow.</source>
        <translation>没有可跟随的重定向。</translation>
    </message>
    <message>
        <location filename="../../desktop/workers/udp_network.py" line="73"/>
        <source>A subnet send is already running: wait or cancel it.</source>
        <translation>网段发送正在进行：请等待或取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/workers/udp_network.py" line="80"/>
        <source>Subnet send cancelled: sent to {sent} of {total} hosts on port {port}, {refused} refused.</source>
        <translation>网段发送已取消：已向 {total} 台主机中的 {sent} 台发送（端口 {port}），{refused} 台拒绝。</translation>
    </message>
    <message>
        <location filename="../../desktop/workers/udp_network.py" line="86"/>
        <source>Subnet send done: sent to {sent} of {total} hosts on port {port}, {refused} refused.</source>
        <translation>网段发送完成：已向 {total} 台主机中的 {sent} 台发送（端口 {port}），{refused} 台拒绝。</translation>
    </message>
    <message>
        <location filename="../../desktop/workers/udp_network.py" line="180"/>
        <source>The TTL must be between 0 and 255, not {ttl}.</source>
        <translation>TTL 必须在 0 到 255 之间，不能是 {ttl}。</translation>
    </message>
    <message>
        <location filename="../../desktop/workers/udp_network.py" line="327"/>
        <source>&apos;{text}&apos; is not an IP address.</source>
        <translation>&apos;{text}&apos; 不是 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/self_test_checks.py" line="37"/>
        <source>The echo differed from what was sent at byte {index}.</source>
        <translation>回显内容在第 {index} 字节处与发送的内容不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/self_test_checks.py" line="45"/>
        <source>{received} bytes came back for {sent} sent.</source>
        <translation>发送了 {sent} 字节，收回 {received} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/self_test_checks.py" line="106"/>
        <source>The connection closed after {count} bytes: {reason}</source>
        <translation>连接在 {count} 字节后关闭：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/self_test_checks.py" line="137"/>
        <source>No TLS session was reported.</source>
        <translation>未报告 TLS 会话。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/self_test_checks.py" line="252"/>
        <source>The message arrived as {got!r}, not {sent!r}.</source>
        <translation>收到的消息为 {got!r}，而不是 {sent!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/self_test_checks.py" line="295"/>
        <source>The server answered status {status} with {size} bytes of body.</source>
        <translation>服务器返回状态 {status}，正文 {size} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/self_test.py" line="59"/>
        <source>No answer within {seconds} s.</source>
        <translation>{seconds} 秒内无应答。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/self_test.py" line="65"/>
        <source>Unexpected {kind}: {detail}</source>
        <translation>意外的 {kind}：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/autostart.py" line="106"/>
        <source>Starting at login is not supported here: add SocketDesk to your system&apos;s startup programs instead.</source>
        <translation>此系统不支持开机时启动：请将 SocketDesk 添加到系统的启动程序中。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/autostart.py" line="126"/>
        <source>The autostart entry {path} cannot be changed: {reason}</source>
        <translation>无法更改自启动项 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="96"/>
        <source>Received a folder that cannot be read: {reason}.</source>
        <translation>收到的文件夹无法解析：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="176"/>
        <source>more data follows its end</source>
        <translation>结尾之后还有数据</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="220"/>
        <source>a record&apos;s length has too many digits</source>
        <translation>某条记录的长度位数过多</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="242"/>
        <source>a record&apos;s length {length} is not a hex number</source>
        <translation>记录长度 {length} 不是十六进制数</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="250"/>
        <source>a record&apos;s length {length} is not between {low} and {high}</source>
        <translation>记录长度 {length} 不在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="282"/>
        <source>a record has the unsupported type {type}</source>
        <translation>某条记录的类型 {type} 不受支持</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="287"/>
        <source>a record has no name</source>
        <translation>某条记录没有名称</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="291"/>
        <source>it does not start with a folder</source>
        <translation>开头不是文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="298"/>
        <source>its folders nest deeper than {depth} levels</source>
        <translation>文件夹嵌套超过 {depth} 层</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="312"/>
        <source>the record {record} lacks a name, hex size and hex attribute</source>
        <translation>记录 {record} 缺少名称、十六进制大小和十六进制属性</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/dir_stream.py" line="322"/>
        <source>{reason} (at byte {offset})</source>
        <translation>{reason}（位于第 {offset} 字节）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/file_request.py" line="108"/>
        <source>the file request is {size} bytes long, too long</source>
        <translation>文件请求长 {size} 字节，过长</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/file_request.py" line="116"/>
        <source>command {command} is not a file request</source>
        <translation>命令 {command} 不是文件请求</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/file_request.py" line="128"/>
        <source>the file request {extra} is not packetNo:fileID[:offset] in hex</source>
        <translation>文件请求 {extra} 不是十六进制的 packetNo:fileID[:offset]</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/file_request.py" line="139"/>
        <source>the file request&apos;s numbers are out of range</source>
        <translation>文件请求中的数值超出范围</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="117"/>
        <source>nothing was offered with packet number {number}</source>
        <translation>没有包编号为 {number} 的文件发送</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="122"/>
        <source>the offer has expired</source>
        <translation>此次文件发送已过期</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="126"/>
        <source>the offer was not made to the address {ip}</source>
        <translation>此次文件发送的对象不是地址 {ip}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="133"/>
        <source>the offer was not made to {user}@{host}</source>
        <translation>此次文件发送的对象不是 {user}@{host}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="139"/>
        <source>the offer was declined</source>
        <translation>此次文件发送已被拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="144"/>
        <source>the offer has no file with id {id}</source>
        <translation>此次文件发送中没有 ID 为 {id} 的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="149"/>
        <source>the offer was withdrawn</source>
        <translation>此次文件发送已撤回</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="152"/>
        <source>the file was already fetched</source>
        <translation>该文件已被下载过</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="155"/>
        <source>a folder was asked for as a file</source>
        <translation>以文件方式请求了文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="157"/>
        <source>a file was asked for as a folder</source>
        <translation>以文件夹方式请求了文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_book.py" line="162"/>
        <source>the offset {offset} is past the file&apos;s end</source>
        <translation>偏移量 {offset} 超出了文件末尾</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_codec.py" line="56"/>
        <source>Cannot offer {name}: its name has {char}, which the peer&apos;s encoding {encoding} cannot write; rename it, or choose another encoding for this peer.</source>
        <translation>无法发送 {name}：其名称中的 {char} 无法用对方的编码 {encoding} 表示；请重命名，或为该用户选择其他编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_codec.py" line="88"/>
        <source>its attachment list offers no file or folder</source>
        <translation>其附件列表中没有任何文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/offer_codec.py" line="116"/>
        <source>Cannot offer {name}: its name is empty or has a control character.</source>
        <translation>无法发送 {name}：其名称为空或含有控制字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/transfer_errors.py" line="38"/>
        <source>Refused a file request from {who}: {reason}.</source>
        <translation>已拒绝来自 {who} 的文件请求：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg/transfer_errors.py" line="58"/>
        <source>Could not receive {name}: {reason}.</source>
        <translation>无法接收 {name}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_fetch.py" line="166"/>
        <source>the sender sent nothing for {seconds} s after {done} of {size} bytes</source>
        <translation>已接收 {done}/{size} 字节后，发送方 {seconds} 秒内未再发送任何数据</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_fetch.py" line="178"/>
        <source>the connection broke after {done} of {size} bytes</source>
        <translation>已接收 {done}/{size} 字节时连接中断</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_fetch.py" line="315"/>
        <source>the sender closed the connection without sending anything (refused?)</source>
        <translation>发送方未发送任何数据就关闭了连接（被拒绝？）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_fetch.py" line="321"/>
        <source>the sender closed the connection after {done} of {size} bytes</source>
        <translation>已接收 {done}/{size} 字节时发送方关闭了连接</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_fetch.py" line="336"/>
        <source>the sender sent more than the announced {size} bytes</source>
        <translation>发送方发送的数据超过了声明的 {size} 字节</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_fetch.py" line="346"/>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_server.py" line="80"/>
        <source>sending folders is not available yet</source>
        <translation>暂不支持发送文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_server.py" line="211"/>
        <source>no whole request arrived within {seconds} s</source>
        <translation>{seconds} 秒内未收到完整的请求</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_server.py" line="299"/>
        <source>interrupted: the receiver asked for the file again</source>
        <translation>已中断：接收方重新请求了该文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_server.py" line="307"/>
        <source>the upload was cancelled</source>
        <translation>上传已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_server.py" line="313"/>
        <source>the receiver stopped reading</source>
        <translation>接收方已停止读取</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_server.py" line="328"/>
        <source>the file is shorter than when it was offered</source>
        <translation>文件比发送时变短了</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_server.py" line="369"/>
        <source>the receiver closed the connection</source>
        <translation>接收方关闭了连接</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/transfer_book.py" line="239"/>
        <source>the receiver declined the offer</source>
        <translation>接收方拒绝了文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/transfer_book.py" line="322"/>
        <source>the offer expired before it was fetched</source>
        <translation>文件在被下载前已过期</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/transfer_book.py" line="339"/>
        <source>the transfer was cancelled</source>
        <translation>传输已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/tree_errors.py" line="33"/>
        <source>The folder {name} was not received completely: the sender stopped.</source>
        <translation>文件夹 {name} 未完整接收：发送方已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/tree_errors.py" line="52"/>
        <source>Refused to write {path}: it is a link or lies outside the chosen folder.</source>
        <translation>已拒绝写入 {path}：它是链接，或位于所选文件夹之外。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/tree_errors.py" line="94"/>
        <source>Could not send {path}: {reason}.</source>
        <translation>无法发送 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/tree_send.py" line="182"/>
        <source>it became shorter while it was being sent</source>
        <translation>文件在发送过程中变短了</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/transfers.py" line="26"/>
        <source>interrupted when SocketDesk closed</source>
        <translation>SocketDesk 关闭时中断</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/transfers.py" line="80"/>
        <location filename="../../desktop/core/store/transfers.py" line="96"/>
        <source>read the transfers</source>
        <translation>读取传输记录</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/transfers.py" line="102"/>
        <source>remove the transfer</source>
        <translation>移除传输记录</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/transfers.py" line="109"/>
        <source>clear the finished transfers</source>
        <translation>清除已结束的传输</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/transfers.py" line="119"/>
        <source>save the transfer</source>
        <translation>保存传输记录</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="79"/>
        <source>{key} must be {kind}, not {value}.</source>
        <translation>{key} 应为 {kind}，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="86"/>
        <source>{key} must be one of {choices}, not {value}.</source>
        <translation>{key} 应为 {choices} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="94"/>
        <source>{key} must be between {low} and {high}, not {value}.</source>
        <translation>{key} 应在 {low} 到 {high} 之间，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="104"/>
        <source>{key}: {problem}</source>
        <translation>{key}：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="109"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="110"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="111"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="112"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="122"/>
        <source>A name cannot hold control characters.</source>
        <translation>名称中不能含有控制字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="125"/>
        <source>A name can be at most {count} characters long.</source>
        <translation>名称最多 {count} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="134"/>
        <source>{value} is not a full folder path.</source>
        <translation>{value} 不是完整的文件夹路径。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="147"/>
        <source>Each person is written as user@host.</source>
        <translation>每位用户应写作 用户@主机。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="158"/>
        <source>{value} is not an interface address.</source>
        <translation>{value} 不是网络接口地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_file.py" line="50"/>
        <location filename="../../desktop/settings_file.py" line="138"/>
        <source>{path} is not a SocketDesk settings file.</source>
        <translation>{path} 不是 SocketDesk 设置文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_file.py" line="59"/>
        <source>{path} was written by a newer version of SocketDesk (settings file version {version}; this version reads version {known}).</source>
        <translation>{path} 由更新版本的 SocketDesk 写入（设置文件版本 {version}；本版本只能读取版本 {known}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_file.py" line="78"/>
        <source>{path} has a setting SocketDesk does not know: {key}.</source>
        <translation>{path} 中有 SocketDesk 无法识别的设置：{key}。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_file.py" line="89"/>
        <source>{path}: {problem}</source>
        <translation>{path}：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_file.py" line="129"/>
        <source>{path} is too large to be a settings file.</source>
        <translation>{path} 过大，不是设置文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_service.py" line="204"/>
        <source>The files were not offered to {peer}: {reason}.</source>
        <translation>未能向 {peer} 发送文件：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/file_service.py" line="226"/>
        <source>Cannot make the folder {path}: {reason}.</source>
        <translation>无法创建文件夹 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/folder_fetch.py" line="102"/>
        <source>the sender sent nothing for {seconds} s</source>
        <translation>发送方 {seconds} 秒内没有发送任何数据</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/folder_fetch.py" line="111"/>
        <source>the connection broke after {done} bytes</source>
        <translation>连接在 {done} 字节后中断</translation>
    </message>
    <message>
        <location filename="../../desktop/core/ipmsg_io/folder_fetch.py" line="124"/>
        <source>the sender sent far more than the announced {size} bytes; stopped</source>
        <translation>发送方发送的数据远超声明的 {size} 字节，已停止</translation>
    </message>
</context>
</TS>
