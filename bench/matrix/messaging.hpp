// The matrix's suites are written once, against this interface, and each
// messaging library implements it: zmq_messaging.cpp on zmq.h (built twice,
// against zmx and against Debian's libzmq) and nng_messaging.cpp on nng.
// So every library is measured by the same code, message for message.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace matrix {

enum class role { push, pull, req, rep, dealer, router, pub, sub };

// One socket. Threading: one thread at a time uses it (zmq's rule); the
// suites hand a socket to another thread only through std::thread's start
// and join, which order the accesses.
class socket {
public:
    virtual ~socket() = default;
    // Binds to `address` (tcp's port may be `*`, the system's choice) and
    // returns the address a peer connects to.
    virtual std::string bind(const std::string& address) = 0;
    virtual void connect(const std::string& address) = 0;
    // Sends one message of `size` bytes whose payload is never written,
    // so the figures are the library's cost, not the benchmark's memcpy.
    // Blocks while the library holds it back (its high-water mark).
    virtual void send(size_t size) = 0;
    // Receives one whole message, blocking, and returns the size of its
    // last part (a ROUTER's routing id comes first).
    virtual size_t receive() = 0;
    // As receive(), without blocking: false when nothing is waiting.
    virtual bool try_receive(size_t& size) = 0;
    // Receives one request and sends it back as it came, envelope and all.
    virtual void echo() = 0;
};

// A library under test. Threading: open() and wait_any() from any thread.
class library {
public:
    virtual ~library() = default;
    // One line naming the library file and its version, for the header.
    virtual std::string description() const = 0;
    // Whether the library has this socket type (nng has no DEALER/ROUTER).
    virtual bool has(role) const = 0;
    // Socket options stay at the library's defaults (HWM and buffers).
    virtual std::unique_ptr<socket> open(role) = 0;
    // Blocks until one of `sockets` may have a message to receive, or
    // `timeout_ms` passed.
    virtual void wait_any(const std::vector<socket*>& sockets, int timeout_ms) = 0;
};

// Defined by each adapter: the library this binary was built to measure,
// after refusing to run (exit status 1) on any other library file.
std::unique_ptr<library> open_library(const char* program);

// Prints `what` and exits with status 1: a benchmark that cannot do what
// it measures has no figure to give.
[[noreturn]] void fail(const std::string& what);

}  // namespace matrix
