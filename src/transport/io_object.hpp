// Something that lives on an I/O thread (listener, connecter, session) and
// is owned by that thread's worker until it retires itself.
//
// Threading: created anywhere, then used only on its worker's thread.
#pragma once

namespace zmx {

class io_worker;

class io_object {
public:
    explicit io_object(io_worker& worker) : worker_(worker) {}
    virtual ~io_object() = default;
    io_object(const io_object&) = delete;
    io_object& operator=(const io_object&) = delete;

    // Called on the worker's thread once the worker owns the object.
    virtual void start() = 0;
    // Called on the worker's thread when the context terminates, after every
    // socket closed: end now unless still delivering within a linger.
    virtual void context_terminating() {}

protected:
    io_worker& worker_;
};

} // namespace zmx
