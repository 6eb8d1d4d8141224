// Something an I/O thread serves (a listener, a session), owned by that
// thread from adopt() until it retires itself.
//
// Threading: created on any thread, then used only on its I/O thread.
#pragma once

#include <cstdint>

namespace zmx {

class io_thread;

class io_object {
public:
    // Names an object across threads: a socket keeps the id of what it
    // started, and the object may already be gone when the socket asks for it.
    using id = uint64_t;

    explicit io_object(io_thread& thread);
    virtual ~io_object() = default;
    io_object(const io_object&) = delete;
    io_object& operator=(const io_object&) = delete;

    id object_id() const { return id_; }

    // Once the thread owns the object.
    virtual void start() = 0;
    // The socket unbound, disconnected or closed what this object serves:
    // end now, or (a session) once what the socket queued is sent within
    // its linger.
    virtual void cancel() = 0;
    // The context terminates, after every socket closed: end now unless
    // still delivering within a linger.
    virtual void context_terminating() {}

protected:
    io_thread& thread_;

private:
    const id id_;
};

} // namespace zmx
