#include "socket/context.hpp"

#include "base/error.hpp"
#include "socket/socket_base.hpp"

#include <zmq.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>

namespace zmx {

namespace {

// What zmq_ctx_get(ZMQ_SOCKET_LIMIT) reports, as libzmq on Linux.
constexpr int socket_limit = 65535;

}  // namespace

context::context() = default;

context::~context() {
    tag_ = dead_tag;
}

socket_handle* context::create_socket(int type) {
    // Made and set up outside the context's lock: a thread-safe socket's
    // setsockopt takes the socket's lock, and a bind holding that one
    // takes the context's (for an I/O thread).
    bool blocky = false, ipv6 = false;
    {
        std::lock_guard lock(mutex_);
        if (const int error = admission_error())
            return fail_null(error);
        blocky = settings_.blocky;
        ipv6 = settings_.ipv6;
    }
    std::unique_ptr<socket_base> s = make_configured_socket(type, blocky, ipv6);
    if (!s)
        return nullptr;
    std::lock_guard lock(mutex_);  // released before s would be deleted
    if (const int error = admission_error())  // checked again: it was let go of
        return fail_null(error);
    // The I/O thread pool is sized by the setting in force at the first
    // socket; later changes of ZMQ_IO_THREADS do not reach it (libzmq).
    if (handles_.empty())
        io_thread_count_ = settings_.io_threads;
    live_.push_back(s.get());
    const bool thread_safe = s->opts().thread_safe;
    handles_.emplace_back(*this, s.release(), thread_safe);
    return &handles_.back();
}

int context::admission_error() const {
    if (terminating_)
        return ETERM;
    if (static_cast<int>(live_.size()) >= settings_.max_sockets)
        return EMFILE;
    return 0;
}

std::unique_ptr<socket_base> context::make_configured_socket(int type, bool blocky, bool ipv6) {
    std::unique_ptr<socket_base> s(make_socket(*this, type));
    if (!s) {
        errno = EINVAL;
        return nullptr;
    }
    if (const int error = s->mailbox()->sig().error()) {  // no descriptor left
        errno = error;
        return nullptr;
    }
    // The context's settings a socket starts with, as in libzmq.
    if (!blocky) {
        const int no_linger = 0;
        s->setsockopt(ZMQ_LINGER, &no_linger, sizeof no_linger);
    }
    const int ipv6_option = ipv6;
    s->setsockopt(ZMQ_IPV6, &ipv6_option, sizeof ipv6_option);
    return s;
}

int context::close_socket(socket_handle& handle) {
    // Taken from the handle first, so no call that comes now reaches it.
    socket_base* const s = handle.socket.exchange(nullptr);
    if (!s)
        return fail(ENOTSOCK);
    // In a forked child the socket's I/O threads are not there to wait
    // for: it is let go of, untouched (libzmq's child leaves it too).
    const bool inherited = stamp_.inherited();
    if (!inherited) {
        s->close();  // blocked calls leave it; calls that come late find it closed
        // Calls that had the socket before the handle let go of it and
        // have not entered it yet: they are on their way out.
        while (handle.calls.load() != 0)
            std::this_thread::yield();
    }
    {
        std::lock_guard lock(mutex_);
        handle.tag = socket_handle::closed_tag;
        std::erase(live_, s);
        // Woken under the lock: once it is released, terminate() may
        // return and the context be deleted.
        if (live_.empty())
            all_closed_.wake();
    }
    if (!inherited)
        delete s;
    return 0;
}

io_thread* context::pick_io_thread(uint64_t affinity) {
    std::lock_guard lock(mutex_);
    if (io_threads_.empty()) {
        // ZMQ_IO_THREADS 0 leaves tcp and ipc without a thread: EMTHREAD,
        // as libzmq (inproc needs none).
        if (io_thread_count_ == 0) {
            errno = EMTHREAD;
            return nullptr;
        }
        for (int i = 0; i < io_thread_count_; ++i)
            io_threads_.push_back(std::make_unique<io_thread>(settings_.io_threads_as, i));
    }
    const size_t count = io_threads_.size();
    for (size_t tried = 0; tried < count; ++tried) {
        const size_t i = next_io_thread_++ % count;
        if (affinity == 0 || (i < 64 && (affinity >> i) & 1))
            return io_threads_[i].get();
    }
    errno = EMTHREAD;
    return nullptr;
}

void context::shutdown() {
    std::lock_guard lock(mutex_);
    terminating_ = true;
    for (socket_base* s : live_)
        s->stop();
}

int context::terminate() {
    // A forked child cannot end its parent's context (the I/O threads are
    // the parent's): as with libzmq it gives EINTR, and the child may
    // abandon the context and make a new one.
    if (stamp_.inherited())
        return fail(EINTR);
    shutdown();
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (live_.empty())
                return 0;
        }
        if (all_closed_.wait(-1) < 0)
            return -1;  // EINTR: a signal; the context stays terminating
        all_closed_.reset();
    }
}

int context::set(int option, int value) {
    std::lock_guard lock(mutex_);
    switch (option) {
    case ZMQ_IO_THREADS:
        if (value < 0)
            return fail(EINVAL);
        settings_.io_threads = value;
        return 0;
    case ZMQ_MAX_SOCKETS:
        if (value < 1)
            return fail(EINVAL);
        settings_.max_sockets = value;
        return 0;
    case ZMQ_MAX_MSGSZ:
        if (value < 0)
            return fail(EINVAL);
        settings_.max_msgsz = value;
        return 0;
    case ZMQ_THREAD_NAME_PREFIX:
        settings_.io_threads_as.name_prefix = std::to_string(value);  // any number, as libzmq
        return 0;
    default:
        break;
    }
    // The remaining settings all refuse negative values.
    if (value < 0)
        return fail(EINVAL);
    switch (option) {
    case ZMQ_BLOCKY:
        settings_.blocky = value > 0;
        return 0;
    case ZMQ_IPV6:
        settings_.ipv6 = value > 0;
        return 0;
    case ZMQ_ZERO_COPY_RECV:
        settings_.zero_copy_recv = value > 0;
        return 0;
    case ZMQ_THREAD_PRIORITY:
        settings_.io_threads_as.priority = value;
        return 0;
    case ZMQ_THREAD_SCHED_POLICY:
        settings_.io_threads_as.sched_policy = value;
        return 0;
    case ZMQ_THREAD_AFFINITY_CPU_ADD:
        settings_.io_threads_as.cpus.insert(value);
        return 0;
    case ZMQ_THREAD_AFFINITY_CPU_REMOVE:
        // Removing a CPU that was never added is an error, as in libzmq.
        return settings_.io_threads_as.cpus.erase(value) == 1 ? 0 : fail(EINVAL);
    default:
        return fail(EINVAL);
    }
}

int context::get(int option) {
    const std::optional<int> value = setting(option);
    return value ? *value : fail(EINVAL);
}

std::optional<int> context::setting(int option) {
    std::lock_guard lock(mutex_);
    switch (option) {
    case ZMQ_IO_THREADS:
        return settings_.io_threads;
    case ZMQ_MAX_SOCKETS:
        return settings_.max_sockets;
    case ZMQ_SOCKET_LIMIT:
        return socket_limit;
    case ZMQ_MAX_MSGSZ:
        return settings_.max_msgsz;
    case ZMQ_MSG_T_SIZE:
        return static_cast<int>(sizeof(zmq_msg_t));
    case ZMQ_BLOCKY:
        return settings_.blocky;
    case ZMQ_IPV6:
        return settings_.ipv6;
    case ZMQ_ZERO_COPY_RECV:
        return settings_.zero_copy_recv;
    case ZMQ_THREAD_SCHED_POLICY:
        return settings_.io_threads_as.sched_policy;
    case ZMQ_THREAD_NAME_PREFIX:
        return std::atoi(settings_.io_threads_as.name_prefix.c_str());  // 0 when unset, as libzmq
    default:
        return std::nullopt;
    }
}

void context::set_thread_name_prefix(std::string prefix) {
    std::lock_guard lock(mutex_);
    settings_.io_threads_as.name_prefix = std::move(prefix);
}

std::string context::thread_name_prefix() {
    std::lock_guard lock(mutex_);
    return settings_.io_threads_as.name_prefix;
}

} // namespace zmx
