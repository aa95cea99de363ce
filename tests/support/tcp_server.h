// A real xapian-tcpsrv serving one database on 127.0.0.1, for the distributed tests.
#pragma once

#include <sys/types.h>

#include <string>

namespace newsdex::testing {

// The xapian-tcpsrv the build found (Debian xapian-tools), or "" when there is none.
std::string tcpsrv_path();

// Starts `xapian-tcpsrv --interface 127.0.0.1 --port P DB` on a free ephemeral port and
// waits (at most five seconds) until it accepts connections; stop() or the destructor
// kills it. Never listens beyond loopback.
class TcpServer {
 public:
  explicit TcpServer(const std::string& db_path);
  ~TcpServer();
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  bool running() const { return pid_ > 0; }
  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  void stop();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace newsdex::testing
