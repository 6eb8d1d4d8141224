// A real SOCKS5 proxy for the tests: Debian's microsocks (apt package
// microsocks) in a child process on a free loopback port, asking for a
// username and password when given them. Ready once it accepts a tcp
// connection; stopped with the object.
#pragma once

#include "exec_image.hpp"
#include "zmq_test.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

namespace tt {

class socks_proxy_process {
public:
    static constexpr const char* program = "/usr/bin/microsocks";
    static bool installed() { return ::access(program, X_OK) == 0; }

    explicit socks_proxy_process(const std::string& username = "", const std::string& password = "") {
        // The free port we pick may be taken before microsocks binds it:
        // it then exits, and another port is tried.
        for (int attempt = 0; attempt < 5 && !ready_; ++attempt) {
            port_ = free_port();
            start(username, password);
            ready_ = wait_until_accepting();
            if (!ready_)
                stop();
        }
    }
    ~socks_proxy_process() { stop(); }
    socks_proxy_process(const socks_proxy_process&) = delete;
    socks_proxy_process& operator=(const socks_proxy_process&) = delete;

    bool ready() const { return ready_; }
    // As ZMQ_SOCKS_PROXY takes it.
    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

    // A loopback port nothing listens on now.
    static int free_port() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = loopback(0);
        socklen_t length = sizeof address;
        ::bind(fd, reinterpret_cast<sockaddr*>(&address), length);
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
        ::close(fd);
        return ntohs(address.sin_port);
    }

private:
    static sockaddr_in loopback(int port) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<uint16_t>(port));
        return address;
    }

    void start(const std::string& username, const std::string& password) {
        std::vector<std::string> args{program, "-i", "127.0.0.1", "-p", std::to_string(port_)};
        if (!username.empty())
            args.insert(args.end(), {"-u", username, "-P", password});
        const zt::exec_image image(std::move(args));
        pid_ = ::fork();
        if (pid_ != 0)
            return;
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        image.exec();
    }

    // Connects until the proxy accepts (false if it exited, or after the
    // safety timeout).
    bool wait_until_accepting() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(zt::safety_timeout_ms);
        while (std::chrono::steady_clock::now() < deadline) {
            if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
                pid_ = -1;  // gone already: nothing to stop
                return false;
            }
            if (accepts_connection())
                return true;
        }
        return false;
    }

    bool accepts_connection() const {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        const sockaddr_in address = loopback(port_);
        bool connected = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
        if (!connected && errno == EINPROGRESS) {
            pollfd item{fd, POLLOUT, 0};
            int error = 0;
            socklen_t size = sizeof error;
            connected = ::poll(&item, 1, 100) == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 &&
                        error == 0;
        }
        ::close(fd);
        if (!connected) {
            pollfd none{-1, 0, 0};
            ::poll(&none, 1, 10);  // a refused connect returns at once: pace the next try
        }
        return connected;
    }

    void stop() {
        if (pid_ <= 0)
            return;
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

    pid_t pid_ = -1;
    int port_ = 0;
    bool ready_ = false;
};

} // namespace tt
