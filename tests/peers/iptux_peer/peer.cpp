// iptux's own protocol code (libiptux-core) as a scripted peer for SocketDesk's tests.
//
// Usage: peer            (reads $HOME/.iptux/config.json, written by tests/peers/iptux_peer.py)
//
// Commands, one per line on stdin (TEXT escaped: \n newline, \t tab, \\ backslash):
//   detect IP          SendDetectPacket: a BR_ENTRY to IP, so IP answers and becomes a pal
//   send IP TEXT       SendMessage to the pal at IP (blocks while iptux retries)
//   offer IP PATH[\tPATH...]
//                      offer these files and folders to the pal at IP as the GUI does
//                      (AddPrivateFile, ids from 10000, then BcstFileInfoEntry); PATHs are
//                      separated by tabs
//   fetch PACKET FILEID DIR
//                      download that offered file or folder with iptux's RecvFile into DIR
//   fetch-all DIR      download every file of the last offer received, one after another
//   quit               stop the core (BR_EXIT to every pal) and exit 0
// Events, one JSON object per line on stdout:
//   {"event":"ready","port":2425}
//   {"event":"online"|"update","ip":..,"nickname":..,"group":..,"user":..,"host":..,
//    "encoding":..,"version":..}
//   {"event":"offline","ip":..}
//   {"event":"message","ip":..,"text":..}
//   {"event":"sent","ip":..,"delivered":true|false}
//   {"event":"offer","ip":..,"packet":N,"files":[{"fileid":N,"name":..,"size":N,"mtime":N,
//    "folder":bool}]}                     (what `offer` sent)
//   {"event":"offered","ip":..,"packet":N,"fileid":N,"name":..,"size":N,"mtime":N,
//    "folder":bool}                       (one per file of a pal's offer, as iptux decoded it)
//   {"event":"progress","packet":N,"fileid":N,"bytes":N}   (at most every 200 ms)
//   {"event":"fetched","packet":N,"fileid":N,"path":..,"size":N,"bytes":N,
//    "status":"tip-finish"|"tip-error"|..,"ok":bool}
//   {"event":"upload-started"|"upload-finished","task":N,"ip":..,"name":..,"size":N,
//    "status":..}                         (a pal fetching a file we offered)
//   {"event":"error","text":..}
#include <iptux-core/CoreThread.h>
#include <iptux-core/Exception.h>

#include <glib.h>

#include <sys/stat.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <unistd.h>

#include <cstring>

// Debian's libiptux-core 0.8.3 crashes receiving any folder that does not exist yet: its
// AnalogFS::mkdir calls g_mkdir, a macro for mkdir, which inside the class is that method again,
// recursing until the stack overflows (SIGSEGV; iptux issue #472, fixed upstream by ec45ec3,
// "fix iptux stackoverflow when receiving dir", 2025). RecvFileData calls it through the PLT,
// so this definition in the executable takes its place: upstream's fixed body, for the single
// member the class has (its current folder, `char path[1024]`, at offset 0).
namespace iptux {
class AnalogFS {
 public:
  int mkdir(const char* dir, unsigned int mode);
};

int AnalogFS::mkdir(const char* dir, unsigned int mode) {
  const char* cwd = reinterpret_cast<const char*>(this);
  std::string target = dir;
  if (dir[0] != '/') {
    target = std::string(cwd) + (std::strcmp(cwd, "/") == 0 ? "" : "/") + dir;
  }
  if (::access(target.c_str(), F_OK) == 0) {
    return 0;
  }
  return ::mkdir(target.c_str(), mode);
}
}  // namespace iptux

using namespace iptux;

namespace {

std::mutex output_mutex;
std::shared_ptr<CoreThread> the_core;  // for the event handler: transfer tasks' state

// Offers received from pals, by (packet number, file id); the last offer's keys, in order.
std::mutex offers_mutex;
std::map<std::pair<uint32_t, uint32_t>, std::shared_ptr<const FileInfo>> offered;  // copies
std::vector<std::pair<uint32_t, uint32_t>> last_offer;

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

std::string file_json(const FileInfo& file) {
  const char* path = file.filepath ? file.filepath : "";
  std::string name = path;
  std::string::size_type slash = name.rfind('/');
  if (slash != std::string::npos && slash + 1 < name.size()) {
    name = name.substr(slash + 1);  // our own offers hold full paths; pals' hold the name
  }
  std::ostringstream out;
  out << "\"fileid\":" << file.fileid << ",\"name\":" << json_string(name)
      << ",\"size\":" << file.filesize << ",\"mtime\":" << file.filectime
      << ",\"folder\":" << (file.fileattr == FileAttr::DIRECTORY ? "true" : "false");
  return out.str();
}

void emit_upload(const char* kind, int task) {
  std::unique_ptr<TransFileModel> model = the_core->GetTransTaskStat(task);
  std::ostringstream out;
  out << "{\"event\":\"" << kind << "\",\"task\":" << task;
  if (model) {
    out << ",\"ip\":" << json_string(model->getIp())
        << ",\"name\":" << json_string(model->getFilename())
        << ",\"size\":" << model->getFileLength()
        << ",\"status\":" << json_string(model->getStatus());
  }
  emit_line(out.str() + "}");
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
    case EventType::NEW_SHARE_FILE_FROM_FRIEND: {
      auto e = std::dynamic_pointer_cast<const NewShareFileFromFriendEvent>(event);
      const FileInfo& file = e->GetFileInfo();
      std::pair<uint32_t, uint32_t> key{file.packetn, file.fileid};
      {
        std::lock_guard<std::mutex> lock(offers_mutex);
        if (last_offer.empty() || last_offer.front().first != file.packetn) {
          last_offer.clear();
        }
        last_offer.push_back(key);
        offered[key] = std::make_shared<const FileInfo>(file);  // (operator= is not exported)
      }
      emit_line("{\"event\":\"offered\",\"ip\":" +
                json_string(file.fileown->GetKey().GetIpv4String()) +
                ",\"packet\":" + std::to_string(file.packetn) + "," + file_json(file) + "}");
      break;
    }
    case EventType::SEND_FILE_STARTED: {
      auto e = std::dynamic_pointer_cast<const SendFileStartedEvent>(event);
      emit_upload("upload-started", e->GetTaskId());
      break;
    }
    case EventType::SEND_FILE_FINISHED: {
      auto e = std::dynamic_pointer_cast<const SendFileFinishedEvent>(event);
      emit_upload("upload-finished", e->GetTaskId());
      break;
    }
    default:
      break;  // icons, settings and our own downloads' events (fetch reports those)
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

void offer(CoreThread& core, const std::string& ip, const std::string& rest) {
  static uint32_t next_id = 10000;  // AddPrivateFile takes ids from MAX_SHAREDFILE (10000) up
  auto pal = core.GetPal(ip);
  if (!pal) {
    emit_line("{\"event\":\"error\",\"text\":" + json_string("no pal at " + ip) + "}");
    return;
  }
  std::vector<PFileInfo> files;
  std::istringstream paths(rest);
  std::string path;
  uint32_t number = 0;
  while (std::getline(paths, path, '\t')) {
    struct stat st;
    if (path.empty()) {
      continue;
    }
    if (stat(path.c_str(), &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) {
      emit_line("{\"event\":\"error\",\"text\":" + json_string("cannot offer " + path) +
                "}");
      return;
    }
    auto file = std::make_shared<FileInfo>();  // filled as iptux's DialogBase does
    file->fileid = next_id++;
    file->fileattr = S_ISREG(st.st_mode) ? FileAttr::REGULAR : FileAttr::DIRECTORY;
    file->filesize = -1;  // BcstFileInfoEntry sums a folder's contents (ftwsize)
    file->filepath = g_strdup(path.c_str());
    file->filectime = static_cast<uint32_t>(st.st_ctime);
    file->filenum = number++;
    file->fileown = pal;
    files.push_back(file);
  }
  std::vector<FileInfo*> raw;
  core.Lock();
  for (auto& file : files) {
    core.AddPrivateFile(file);
    raw.push_back(file.get());
  }
  core.Unlock();
  core.BcstFileInfoEntry({pal.get()}, raw);  // sets each packetn to the datagram's number
  std::string listed;
  for (auto& file : files) {
    listed += (listed.empty() ? "{" : ",{") + file_json(*file) + "}";
  }
  emit_line("{\"event\":\"offer\",\"ip\":" + json_string(ip) +
            ",\"packet\":" + std::to_string(files.empty() ? 0 : files[0]->packetn) +
            ",\"files\":[" + listed + "]}");
}

// The newest task whose path is `path` (RecvFile registers it; its status tells the outcome).
std::string task_status(CoreThread& core, const std::string& path) {
  std::string status = "unknown";
  int newest = -1;
  for (const auto& model : core.listTransTasks()) {
    if (model->getFilePath() == path && model->getTaskId() > newest) {
      newest = model->getTaskId();
      status = model->getStatus();
    }
  }
  return status;
}

// Downloads one offered file into `dir` with iptux's own RecvFile, reporting progress.
void fetch_one(CoreThread& core, const FileInfo& offered_file, const std::string& dir) {
  FileInfo file(offered_file);
  std::string name = file.filepath ? file.filepath : "";
  std::string path = dir + "/" + name;
  g_free(file.filepath);
  file.filepath = g_strdup(path.c_str());
  file.finishedsize = 0;
  std::mutex done_mutex;
  std::condition_variable done_changed;
  bool done = false;
  std::thread watcher([&file, &done, &done_mutex, &done_changed]() {
    int64_t reported = -1;
    std::unique_lock<std::mutex> lock(done_mutex);
    // Wakes at once when the download ends, so the progress report adds no delay to it.
    while (!done_changed.wait_for(lock, std::chrono::milliseconds(200), [&done] { return done; })) {
      int64_t now = file.finishedsize;
      if (now != reported) {
        reported = now;
        emit_line("{\"event\":\"progress\",\"packet\":" + std::to_string(file.packetn) +
                  ",\"fileid\":" + std::to_string(file.fileid) +
                  ",\"bytes\":" + std::to_string(now) + "}");
      }
    }
  });
  core.RecvFile(&file);  // blocks until the stream ended or failed
  {
    std::lock_guard<std::mutex> lock(done_mutex);
    done = true;
  }
  done_changed.notify_all();
  watcher.join();
  std::string status = task_status(core, path);
  std::ostringstream out;
  out << "{\"event\":\"fetched\",\"packet\":" << file.packetn << ",\"fileid\":" << file.fileid
      << ",\"path\":" << json_string(path) << ",\"size\":" << file.filesize
      << ",\"bytes\":" << file.finishedsize << ",\"status\":" << json_string(status)
      << ",\"ok\":" << (status == "tip-finish" ? "true" : "false") << "}";
  emit_line(out.str());
}

void fetch(CoreThread& core,
           std::vector<std::pair<uint32_t, uint32_t>> keys,
           const std::string& dir) {
  std::vector<std::shared_ptr<const FileInfo>> files;
  {
    std::lock_guard<std::mutex> lock(offers_mutex);
    for (const auto& key : keys) {
      auto found = offered.find(key);
      if (found == offered.end()) {
        emit_line("{\"event\":\"error\",\"text\":" +
                  json_string("no offered file " + std::to_string(key.first) + "/" +
                              std::to_string(key.second)) +
                  "}");
        return;
      }
      files.push_back(found->second);
    }
  }
  std::thread([&core, files, dir]() {
    for (const auto& file : files) {
      fetch_one(core, *file, dir);
    }
  }).detach();  // commands keep flowing while a download runs
}

}  // namespace

int main() {
  std::string path = std::string(g_get_home_dir()) + "/.iptux/config.json";
  auto config = std::make_shared<IptuxConfig>(path);
  auto data = std::make_shared<ProgramData>(config);
  auto core = std::make_shared<CoreThread>(data);
  the_core = core;
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
    } else if (command == "offer") {
      std::string rest;
      std::getline(words, rest);
      offer(*core, ip, rest.empty() ? rest : rest.substr(1));
    } else if (command == "fetch") {
      // fetch PACKET FILEID DIR: `ip` holds the packet number here
      std::string fileid, dir;
      words >> fileid;
      std::getline(words, dir);
      char* end_packet = nullptr;
      char* end_id = nullptr;
      unsigned long packet = std::strtoul(ip.c_str(), &end_packet, 10);
      unsigned long id = std::strtoul(fileid.c_str(), &end_id, 10);
      if (ip.empty() || fileid.empty() || *end_packet != '\0' || *end_id != '\0') {
        emit_line("{\"event\":\"error\",\"text\":" + json_string("bad fetch: " + line) + "}");
        continue;
      }
      fetch(*core, {{static_cast<uint32_t>(packet), static_cast<uint32_t>(id)}},
            dir.empty() ? dir : dir.substr(1));
    } else if (command == "fetch-all") {
      // fetch-all DIR: `ip` holds the first word of DIR
      std::string rest;
      std::getline(words, rest);
      std::vector<std::pair<uint32_t, uint32_t>> keys;
      {
        std::lock_guard<std::mutex> lock(offers_mutex);
        keys = last_offer;
      }
      fetch(*core, keys, ip + rest);
    } else {
      emit_line("{\"event\":\"error\",\"text\":" + json_string("unknown command: " + line) +
                "}");
    }
  }
  core->stop();
  emit_line("{\"event\":\"stopped\"}");
  return 0;
}
