// The context: the sockets it created, its settings (zmq_ctx_set/get) and
// its inproc names. zmq_ctx_term stops every socket (their calls then give
// ETERM) and waits until the application has closed them all.
//
// A socket handle outlives its socket: after zmq_close it stays allocated,
// marked closed, until the context is terminated, so a stale handle gives
// ENOTSOCK rather than touching freed memory.
//
// Threading: every member is safe from any thread.
#pragma once

#include "transport/inproc.hpp"
#include "base/fork_stamp.hpp"
#include "base/signaler.hpp"
#include "io/io_thread.hpp"
#include "io/thread_settings.hpp"

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace zmx {

class socket_base;

// What the application holds for a socket. Handles are kept until the
// context goes, so a closed one can still be checked (ENOTSOCK). Another
// thread may close a thread-safe socket while calls are under way on it:
// those calls are counted, and the socket is deleted only once they left.
class context;

struct socket_handle {
    static constexpr uint32_t live_tag = 0x5eca11ed;
    static constexpr uint32_t closed_tag = 0xc105ed00;

    socket_handle(context& ctx, socket_base* s, bool is_thread_safe)
        : socket(s), owner(ctx), thread_safe(is_thread_safe) {}

    std::atomic<uint32_t> tag{live_tag};  // first, so the C API can check any pointer it is given
    std::atomic<socket_base*> socket;     // null once closed
    context& owner;
    const bool thread_safe;
    std::atomic<int> calls{0};  // thread-safe sockets: API calls under way
};

class context {
public:
    static constexpr uint32_t live_tag = 0xc0de7e47;
    static constexpr uint32_t dead_tag = 0xdead7e47;

    context();
    ~context();

    bool is_live() const { return tag_ == live_tag; }
    // 0, or the errno (EMFILE, ENFILE) that kept the context from getting
    // the descriptor zmq_ctx_term waits on: zmq_ctx_new then fails.
    int error() const { return all_closed_.error(); }

    // A new socket's handle, or nullptr with EINVAL (bad type), EMFILE
    // (MAX_SOCKETS reached) or ETERM (terminating).
    socket_handle* create_socket(int type);
    // Closes the socket behind a handle: 0, or -1 with ENOTSOCK if it is
    // closed already (of two threads closing it, one gets this).
    int close_socket(socket_handle& handle);

    // zmq_ctx_shutdown: every socket's calls give ETERM from now on.
    void shutdown();
    // zmq_ctx_term: shutdown, then wait until every socket is closed. 0, or
    // -1 with EINTR when a signal interrupts the wait (the caller may call
    // it again) or in a forked child (the context is the parent's).
    int terminate();

    int set(int option, int value);
    int get(int option);
    // The value of a zmq_ctx_get setting, or nothing when option is none
    // (a setting may hold -1, so -1 cannot say "unknown" here).
    std::optional<int> setting(int option);
    // ZMQ_THREAD_NAME_PREFIX as zmq_ctx_set_ext gives it: any 1 to 16 bytes.
    void set_thread_name_prefix(std::string prefix);
    std::string thread_name_prefix();

    inproc_registry& inproc() { return inproc_; }
    // The I/O thread for a new listener or connection, round-robin among
    // those ZMQ_AFFINITY allows (bit 0: the first thread; 0: any); the
    // threads (ZMQ_IO_THREADS of them) start on first use. nullptr with
    // EMTHREAD when ZMQ_IO_THREADS was 0 then, or affinity names none.
    io_thread* pick_io_thread(uint64_t affinity = 0);

private:
    // A new socket with the context's defaults, or nullptr with errno.
    std::unique_ptr<socket_base> make_configured_socket(int type, bool blocky, bool ipv6);
    // Under the lock: why no socket may be made now (ETERM, EMFILE), or 0.
    int admission_error() const;

    uint32_t tag_ = live_tag;  // first, as for socket handles
    fork_stamp stamp_;
    std::mutex mutex_;
    // Woken when the last socket closes. An eventfd, not a condition
    // variable, so a signal interrupts zmq_ctx_term as in libzmq.
    eventfd_signaler all_closed_;
    std::deque<socket_handle> handles_;
    std::vector<socket_base*> live_;
    bool terminating_ = false;
    inproc_registry inproc_;
    std::vector<std::unique_ptr<io_thread>> io_threads_;
    size_t next_io_thread_ = 0;
    int io_thread_count_ = 1;  // ZMQ_IO_THREADS as it was at the first socket

    struct settings {
        int io_threads = 1;
        int max_sockets = 1023;
        int max_msgsz = 0x7fffffff;
        bool blocky = true;
        bool ipv6 = false;
        // ZMQ_ZERO_COPY_RECV (draft): whether libzmq may hand out messages
        // that share its read buffer. Kept to be read back: zmx decides
        // that per message size, and nothing the application sees changes.
        bool zero_copy_recv = true;
        thread_settings io_threads_as;  // applied when the I/O threads start
    } settings_;
};

// Socket types register here: creates the socket of a type, or nullptr.
socket_base* make_socket(context& ctx, int type);

} // namespace zmx
