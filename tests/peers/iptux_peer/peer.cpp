// iptux's own protocol code (libiptux-core) as a scripted peer for SocketDesk's tests.
//
// Usage: peer            (reads $HOME/.iptux/config.json, written by tests/peers/iptux_peer.py)
//
// Commands, one per line on stdin (TEXT escaped: \n newline, \t tab, \\ backslash):
//   detect IP          SendDetectPacket: a BR_ENTRY to IP, so IP answers and becomes a pal
//   send IP TEXT       SendMessage to the pal at IP (blocks while iptux retries)
//   quit               stop the core (BR_EXIT to every pal) and exit 0
// Events, one JSON object per line on stdout:
//   {"event":"ready","port":2425}
//   {"event":"online"|"update","ip":..,"nickname":..,"group":..,"user":..,"host":..,
//    "encoding":..,"version":..}
//   {"event":"offline","ip":..}
//   {"event":"message","ip":..,"text":..}
//   {"event":"sent","ip":..,"delivered":true|false}
//   {"event":"error","text":..}
#include <iptux-core/CoreThread.h>
#include <iptux-core/Exception.h>

#include <glib.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>

using namespace iptux;

namespace {

std::mutex output_mutex;

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

void emit_line(const std::string& line) {
  std::lock_guard<std::mutex> lock(output_mutex);
  std::cout << line << std::endl;  // flushed: the test reads it at once
}

std::string pal_json(const char* kind, const PalInfo& pal) {
  std::ostringstream out;
  out << "{\"event\":\"" << kind << "\",\"ip\":" << json_string(pal.GetKey().GetIpv4String())
      << ",\"nickname\":" << json_string(pal.getName())
      << ",\"group\":" << json_string(pal.getGroup())
      << ",\"user\":" << json_string(pal.getUser())
      << ",\"host\":" << json_string(pal.getHost())
      << ",\"encoding\":" << json_string(pal.getEncode())
      << ",\"version\":" << json_string(pal.getVersion()) << "}";
  return out.str();
}

void on_event(const std::shared_ptr<const Event>& event) {
  switch (event->getType()) {
    case EventType::NEW_PAL_ONLINE: {
      auto e = std::dynamic_pointer_cast<const NewPalOnlineEvent>(event);
      emit_line(pal_json("online", *e->getPalInfo()));
      break;
    }
    case EventType::PAL_UPDATE: {
      auto e = std::dynamic_pointer_cast<const PalUpdateEvent>(event);
      emit_line(pal_json("update", *e->getPalInfo()));
      break;
    }
    case EventType::PAL_OFFLINE: {
      auto e = std::dynamic_pointer_cast<const PalOfflineEvent>(event);
      emit_line("{\"event\":\"offline\",\"ip\":" +
                json_string(e->GetPalKey().GetIpv4String()) + "}");
      break;
    }
    case EventType::NEW_MESSAGE: {
      auto e = std::dynamic_pointer_cast<const NewMessageEvent>(event);
      const MsgPara& para = e->getMsgPara();
      if (para.stype != MessageSourceType::PAL) {
        break;  // iptux's own notes (errors, our sent copies) are not messages from a pal
      }
      for (const ChipData& chip : para.dtlist) {
        if (chip.type == MessageContentType::STRING) {
          emit_line("{\"event\":\"message\",\"ip\":" +
                    json_string(para.getPal()->GetKey().GetIpv4String()) +
                    ",\"text\":" + json_string(chip.data) + "}");
        }
      }
      break;
    }
    default:
      break;  // icons, files and settings are not scripted here
  }
}

std::string unescape(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      char next = text[++i];
      out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else {
      out += text[i];
    }
  }
  return out;
}

void send(CoreThread& core, const std::string& ip, const std::string& text) {
  auto pal = core.GetPal(ip);
  if (!pal) {
    emit_line("{\"event\":\"error\",\"text\":" + json_string("no pal at " + ip) + "}");
    return;
  }
  core.SendMessage(pal, text);  // returns after the RECVMSG, or after its last retry
  bool delivered = pal->rpacketn == 0;  // iptux clears it when the RECVMSG arrives
  emit_line("{\"event\":\"sent\",\"ip\":" + json_string(ip) +
            ",\"delivered\":" + (delivered ? "true" : "false") + "}");
}

}  // namespace

int main() {
  std::string path = std::string(g_get_home_dir()) + "/.iptux/config.json";
  auto config = std::make_shared<IptuxConfig>(path);
  auto data = std::make_shared<ProgramData>(config);
  auto core = std::make_shared<CoreThread>(data);
  core->signalEvent.connect(sigc::ptr_fun(on_event));
  try {
    core->start();
  } catch (const Exception& error) {
    emit_line("{\"event\":\"error\",\"text\":" + json_string(error.what()) + "}");
    return 1;
  }
  emit_line("{\"event\":\"ready\",\"port\":" + std::to_string(config->GetInt("port", 2425)) +
            "}");

  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream words(line);
    std::string command, ip;
    words >> command >> ip;
    if (command == "quit") {
      break;
    } else if (command == "detect") {
      core->SendDetectPacket(ip);
    } else if (command == "send") {
      std::string rest;
      std::getline(words, rest);
      send(*core, ip, unescape(rest.empty() ? rest : rest.substr(1)));
    } else {
      emit_line("{\"event\":\"error\",\"text\":" + json_string("unknown command: " + line) +
                "}");
    }
  }
  core->stop();
  emit_line("{\"event\":\"stopped\"}");
  return 0;
}
