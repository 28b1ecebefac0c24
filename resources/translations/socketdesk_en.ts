<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>BatchSummary</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/batch_results.py" line="70" />
            <source>%n exchange(s): {statuses}.</source>
            <translation>
                <numerusform>%n exchange: {statuses}.</numerusform>
                <numerusform>%n exchanges: {statuses}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/batch_results.py" line="72" />
            <source>%n exchange(s): {statuses}; first bytes spread over {spread:.2f} ms.</source>
            <translation>
                <numerusform>%n exchange: {statuses}; first bytes spread over {spread:.2f} ms.</numerusform>
                <numerusform>%n exchanges: {statuses}; first bytes spread over {spread:.2f} ms.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ComposerPanel</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/composer_panel.py" line="338" />
            <source>Followed %n redirect(s).</source>
            <translation>
                <numerusform>Followed %n redirect.</numerusform>
                <numerusform>Followed %n redirects.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/composer_panel.py" line="345" />
            <source>{status} from {peer}, %n byte(s) received.</source>
            <translation>
                <numerusform>{status} from {peer}, %n byte received.</numerusform>
                <numerusform>{status} from {peer}, %n bytes received.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Conversations</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/messenger/conversations.py" line="240" />
            <source>sent to %n user(s)</source>
            <translation>
                <numerusform>sent to %n user</numerusform>
                <numerusform>sent to %n users</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DataPage</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/preferences/data_page.py" line="142" />
            <source>Exported %n setting(s) to {path}.</source>
            <translation>
                <numerusform>Exported %n setting to {path}.</numerusform>
                <numerusform>Exported %n settings to {path}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/preferences/data_page.py" line="160" />
            <source>Imported %n setting(s) from {path}.</source>
            <translation>
                <numerusform>Imported %n setting from {path}.</numerusform>
                <numerusform>Imported %n settings from {path}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/preferences/data_page.py" line="180" />
            <source>Exported %n saved message(s) to {path}.</source>
            <translation>
                <numerusform>Exported %n saved message to {path}.</numerusform>
                <numerusform>Exported %n saved messages to {path}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/preferences/data_page.py" line="202" />
            <source>Imported %n saved message(s) from {path}; messages with the same name were replaced.</source>
            <translation>
                <numerusform>Imported %n saved message from {path}; messages with the same name were replaced.</numerusform>
                <numerusform>Imported %n saved messages from {path}; messages with the same name were replaced.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LogView</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/widgets/log_view.py" line="192" />
            <source>Paused: %n new record(s) waiting</source>
            <translation>
                <numerusform>Paused: %n new record waiting</numerusform>
                <numerusform>Paused: %n new records waiting</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/main_window.py" line="181" />
            <source>%n TCP server(s)</source>
            <translation>
                <numerusform>%n TCP server</numerusform>
                <numerusform>%n TCP servers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/main_window.py" line="183" />
            <source>%n TCP relay(s)</source>
            <translation>
                <numerusform>%n TCP relay</numerusform>
                <numerusform>%n TCP relays</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MessengerPanel</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/messenger/messenger_panel.py" line="356" />
            <source>To %n (person|people): {names}</source>
            <translation>
                <numerusform>To %n person: {names}</numerusform>
                <numerusform>To %n people: {names}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OfferBar</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/messenger/offer_bar.py" line="98" />
            <source>Your offer: %n file(s), {size}</source>
            <translation>
                <numerusform>Your offer: %n file, {size}</numerusform>
                <numerusform>Your offer: %n files, {size}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/messenger/offer_bar.py" line="100" />
            <source>Offered to you: %n file(s), {size}</source>
            <translation>
                <numerusform>Offered to you: %n file, {size}</numerusform>
                <numerusform>Offered to you: %n files, {size}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PagedText</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/paged_text.py" line="92" />
            <source>of %n</source>
            <translation>
                <numerusform>of %n</numerusform>
                <numerusform>of %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PeerMenu</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/messenger/peer_menu.py" line="52" />
            <source>Send files to %n peer(s)…</source>
            <translation>
                <numerusform>Send files to %n peer…</numerusform>
                <numerusform>Send files to %n peers…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/messenger/peer_menu.py" line="54" />
            <source>Send a folder to %n peer(s)…</source>
            <translation>
                <numerusform>Send a folder to %n peer…</numerusform>
                <numerusform>Send a folder to %n peers…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PeerPane</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/workbench/udp_peer_pane.py" line="98" />
            <source>%n peer(s) seen</source>
            <translation>
                <numerusform>%n peer seen</numerusform>
                <numerusform>%n peers seen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RequestEditor</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/request_editor.py" line="333" />
            <source>Sending the %n byte(s) set in hex exactly; typing replaces them.</source>
            <translation>
                <numerusform>Sending the %n byte set in hex exactly; typing replaces them.</numerusform>
                <numerusform>Sending the %n bytes set in hex exactly; typing replaces them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/request_editor.py" line="339" />
            <source>%n request(s) in the pipeline.</source>
            <translation>
                <numerusform>%n request in the pipeline.</numerusform>
                <numerusform>%n requests in the pipeline.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/request_editor.py" line="348" />
            <source>Content-Length says {typed} but the body has %n byte(s).</source>
            <translation>
                <numerusform>Content-Length says {typed} but the body has %n byte.</numerusform>
                <numerusform>Content-Length says {typed} but the body has %n bytes.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/request_editor.py" line="354" />
            <source>Content-Length is set to the body's length: %n byte(s).</source>
            <translation>
                <numerusform>Content-Length is set to the body's length: %n byte.</numerusform>
                <numerusform>Content-Length is set to the body's length: %n bytes.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RequestHexEditor</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/request_hex.py" line="79" />
            <source>%n byte(s).</source>
            <translation>
                <numerusform>%n byte.</numerusform>
                <numerusform>%n bytes.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/request_hex.py" line="102" />
            <source>Applied: %n byte(s) to send exactly.</source>
            <translation>
                <numerusform>Applied: %n byte to send exactly.</numerusform>
                <numerusform>Applied: %n bytes to send exactly.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ResponseDiffDialog</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/http/diff_view.py" line="182" />
            <source>%n line(s) differ.</source>
            <translation>
                <numerusform>%n line differs.</numerusform>
                <numerusform>%n lines differ.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RulesEditor</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/workbench/rules_editor.py" line="116" />
            <source>%n rule(s) active — Edit</source>
            <translation>
                <numerusform>%n rule active — Edit</numerusform>
                <numerusform>%n rules active — Edit</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/workbench/rules_editor.py" line="118" />
            <source>%n rule(s) — Edit</source>
            <translation>
                <numerusform>%n rule — Edit</numerusform>
                <numerusform>%n rules — Edit</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TcpServerPanel</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/workbench/tcp_server_panel.py" line="212" />
            <source>%n client(s) connected</source>
            <translation>
                <numerusform>%n client connected</numerusform>
                <numerusform>%n clients connected</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>core</name>
        <message numerus="yes">
            <location filename="../../desktop/core/http/attempt.py" line="143" />
            <source>%n byte(s) had arrived on the idle connection; they are read first.</source>
            <translation>
                <numerusform>%n byte had arrived on the idle connection; it is read first.</numerusform>
                <numerusform>%n bytes had arrived on the idle connection; they are read first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/core/http/attempt.py" line="248" />
            <source>after %n byte(s) (was|were) received</source>
            <translation>
                <numerusform>after %n byte was received</numerusform>
                <numerusform>after %n bytes were received</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/core/http/redirect.py" line="242" />
            <source>Stopped after %n redirect(s) (the limit).</source>
            <translation>
                <numerusform>Stopped after %n redirect (the limit).</numerusform>
                <numerusform>Stopped after %n redirects (the limit).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/core/ipmsg/messenger_errors.py" line="28" />
            <source>%n message(s) are still waiting to be delivered; this one was not sent, try again in a few seconds.</source>
            <translation>
                <numerusform>%n message is still waiting to be delivered; this one was not sent, try again in a few seconds.</numerusform>
                <numerusform>%n messages are still waiting to be delivered; this one was not sent, try again in a few seconds.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/core/ipmsg/node_chat.py" line="351" />
            <source>%n tr(y|ies)</source>
            <translation>
                <numerusform>%n try</numerusform>
                <numerusform>%n tries</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/core/net/relay.py" line="231" />
            <source>Refused {peer}: the limit of %n pair(s) is reached.</source>
            <translation>
                <numerusform>Refused {peer}: the limit of %n pair is reached.</numerusform>
                <numerusform>Refused {peer}: the limit of %n pairs is reached.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/core/net/tcp_server.py" line="238" />
            <source>Refused {peer}: the limit of %n client(s) is reached.</source>
            <translation>
                <numerusform>Refused {peer}: the limit of %n client is reached.</numerusform>
                <numerusform>Refused {peer}: the limit of %n clients is reached.</numerusform>
            </translation>
        </message>
    </context>
</TS>
