// Helpers for the xio tests: fresh addresses for each transport, and ubufs
// from and to strings.
#pragma once

#include <xio/sp.h>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <vector>
#include <cstring>
#include <string>
#include <thread>

namespace xt {

// Every blocking wait a test makes has this safety net.
inline constexpr int safety_timeout_ms = 5000;

// A tcp port nobody listens on now (the kernel's choice for port 0).
inline int free_tcp_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), len);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

// A bound ipc path outlives its socket (as with libzmq): the test process
// removes the ones it used when it exits.
inline void remove_at_exit(const std::string& path) {
    static std::mutex mutex;
    static std::vector<std::string>* paths = [] {
        std::atexit([] {
            for (const auto& p : *paths)
                ::unlink(p.c_str());
        });
        return new std::vector<std::string>;
    }();
    std::lock_guard lock(mutex);
    paths->push_back(path);
}

// A fresh address of the transport ("tcp", "ipc" or "inproc").
inline std::string address(const std::string& transport) {
    static std::atomic<int> serial{0};
    const std::string unique = std::to_string(::getpid()) + "-" + std::to_string(serial++);
    if (transport == "tcp")
        return "tcp://127.0.0.1:" + std::to_string(free_tcp_port());
    if (transport == "ipc") {
        const std::string path = "/tmp/zmx-xio-test-" + unique;
        remove_at_exit(path);
        return "ipc://" + path;
    }
    return "inproc://xio-test-" + unique;
}

inline char* ubuf_of(const std::string& text) {
    char* u = ualloc(static_cast<int>(text.size()));
    if (!text.empty())
        std::memcpy(u, text.data(), text.size());
    return u;
}

// The ubuf's bytes; frees it.
inline std::string take_string(char* u) {
    std::string text(u, static_cast<size_t>(usize(u)));
    ufree(u);
    return text;
}

// A handle's receive timeout, so a failing test ends instead of hanging.
inline void set_safety_timeouts(int fd) {
    xsetopt(fd, XSO_RCVTIMEO, const_cast<int*>(&safety_timeout_ms), sizeof(int));
    xsetopt(fd, XSO_SNDTIMEO, const_cast<int*>(&safety_timeout_ms), sizeof(int));
}

// Runs wait() in a thread and close() here: the wait must end with EBADF,
// whether it had begun waiting already or not.
template <typename Wait, typename Close>
void expect_close_ends_wait(Wait wait, Close close) {
    std::thread waiter([wait] {
        errno = 0;
        EXPECT_EQ(wait(), -1);
        EXPECT_EQ(errno, EBADF) << strerror(errno);
    });
    EXPECT_EQ(close(), 0);
    waiter.join();
}

#define XT_EXPECT_ERRNO(call, err)            \
    do {                                      \
        errno = 0;                            \
        EXPECT_EQ((call), -1);                \
        EXPECT_EQ(errno, (err)) << strerror(errno); \
    } while (0)

} // namespace xt
