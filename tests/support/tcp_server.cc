#include "support/tcp_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace newsdex::testing {
namespace {

// A port the kernel considers free right now. Another process could take it before
// the server binds; the server then fails to start and the caller sees running() false.
int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

bool accepts_connections(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

}  // namespace

std::string tcpsrv_path() { return NEWSDEX_XAPIAN_TCPSRV; }

TcpServer::TcpServer(const std::string& db_path) : port_(free_port()) {
  std::string program = tcpsrv_path();
  if (program.empty() || port_ == 0) return;
  std::string port = std::to_string(port_);
  pid_ = ::fork();
  if (pid_ == 0) {
    // Its own process group: xapian-tcpsrv forks a child per connection, and stop()
    // must end those too, as a machine going down would.
    ::setpgid(0, 0);
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(program.c_str(), program.c_str(), "--interface", "127.0.0.1", "--port", port.c_str(),
            db_path.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  for (int waited_ms = 0; waited_ms < 5000; waited_ms += 10) {
    if (accepts_connections(port_)) return;
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) break;  // it exited: port taken?
    ::usleep(10000);
  }
  stop();
}

void TcpServer::stop() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

TcpServer::~TcpServer() { stop(); }

}  // namespace newsdex::testing
