#include "transport/io_worker.hpp"

#include "io/pipe.hpp"

#include <future>
#include <memory>
#include <utility>

namespace zmx {

io_worker::io_worker()
    : mailbox_(std::make_shared<socket_mailbox>(std::make_unique<eventfd_signaler>())),
      thread_(std::make_unique<io_thread>()),
      loop_(thread_->loop()) {
    std::promise<void> registered;
    loop().post([this, &registered] {
        loop().add_fd(mailbox_->sig().fd(), this);
        loop().want_read(mailbox_->sig().fd(), true);
        registered.set_value();
    });
    registered.get_future().wait();
}

io_worker::~io_worker() {
    drain();
    thread_->join();  // nothing runs on the objects any more
    mailbox_->close();
    objects_.clear();  // they may still unregister from the reactor
}

void io_worker::submit(std::unique_ptr<io_object> object) {
    // Shared so that a task the worker never runs still frees the object.
    auto holder = std::make_shared<std::unique_ptr<io_object>>(std::move(object));
    loop().post([this, holder] {
        io_object* raw = holder->get();
        objects_.emplace(raw, std::move(*holder));
        raw->start();
    });
}

void io_worker::retire(io_object* object) {
    loop().post([this, object] {
        objects_.erase(object);
        if (drained_ && objects_.empty())
            std::exchange(drained_, nullptr)->set_value();
    });
}

void io_worker::drain() {
    std::promise<void> done;
    loop().post([this, &done] {
        if (objects_.empty()) {
            done.set_value();
            return;
        }
        drained_ = &done;
        // Copied: an object may retire itself (later) while we iterate.
        std::vector<io_object*> live;
        for (auto& [raw, owned] : objects_)
            live.push_back(raw);
        for (io_object* object : live)
            object->context_terminating();
    });
    done.get_future().wait();
}

void io_worker::on_readable() {
    mailbox_->take(commands_);
    for (auto& c : commands_)
        if (c.target && c.target->owner())
            static_cast<io_pipe_owner*>(c.target->owner())->pipe_command(c);
    commands_.clear();
}

} // namespace zmx
