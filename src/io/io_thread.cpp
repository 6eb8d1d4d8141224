#include "io/io_thread.hpp"

#include "io/pipe.hpp"

#include <csignal>
#include <system_error>
#include <utility>

#include <pthread.h>

namespace zmx {

io_object::io_object(io_thread& thread) : thread_(thread), id_(thread.new_object_id()) {}

io_thread::io_thread(const thread_settings& settings, int index)
    : mailbox_(std::make_shared<command_mailbox>(std::make_unique<eventfd_signaler>())) {
    if (const int error = mailbox_->sig().error())
        throw std::system_error(error, std::generic_category(), "eventfd");
    reactor_.add_fd(mailbox_->sig().fd(), this);
    reactor_.want_read(mailbox_->sig().fd(), true);
    // The thread takes no signals, as libzmq's I/O threads take none: a
    // signal meant for the application (Ctrl-C) must interrupt the
    // application's blocking call, not land on a thread that ignores it.
    // It inherits a full mask from here, so no signal finds it unmasked.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    std::promise<void> set_up;
    thread_ = std::thread([this, &settings, &set_up, name = settings.io_thread_name(index)] {
        settings.apply_to_current_thread(name);
        set_up.set_value();
        reactor_.run();
    });
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    set_up.get_future().wait();
}

io_thread::~io_thread() {
    terminate_objects();
    post([this] { reactor_.stop(); });
    thread_.join();
    // Nothing runs on the objects any more; what is still queued is dropped
    // here, and the objects may still unregister from the reactor.
    mailbox_->close();
    objects_.clear();
}

void io_thread::post(std::function<void()> task) {
    command c{command::kind::run, nullptr};
    c.task = std::move(task);
    mailbox_->post(c);
}

void io_thread::adopt(std::unique_ptr<io_object> object) {
    // Shared so that a task that never runs still frees the object.
    auto holder = std::make_shared<std::unique_ptr<io_object>>(std::move(object));
    post([this, holder] {
        io_object* raw = holder->get();
        objects_.emplace(raw->object_id(), std::move(*holder));
        raw->start();
    });
}

std::future<void> io_thread::cancel(io_object::id object) {
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> ready = done->get_future();
    post([this, object, done] {
        if (const auto it = objects_.find(object); it != objects_.end())
            it->second->cancel();
        done->set_value();
    });
    return ready;
}

void io_thread::retire(io_object* object) {
    post([this, id = object->object_id()] {
        objects_.erase(id);
        if (all_retired_ && objects_.empty())
            std::exchange(all_retired_, nullptr)->set_value();
    });
}

void io_thread::terminate_objects() {
    std::promise<void> done;
    post([this, &done] {
        if (objects_.empty()) {
            done.set_value();
            return;
        }
        all_retired_ = &done;
        // Copied: an object may retire itself (later) while we iterate.
        std::vector<io_object*> live;
        for (auto& [id, owned] : objects_)
            live.push_back(owned.get());
        for (io_object* object : live)
            object->context_terminating();
    });
    done.get_future().wait();
}

void io_thread::on_readable() {
    mailbox_->take(commands_);
    for (auto& c : commands_)
        run(c);
    command_mailbox::recycle(commands_);  // drops pipe references after the batch, not inside a handler
}

void io_thread::run(command& c) {
    if (c.what == command::kind::run)
        c.task();
    else if (c.target && c.target->owner())
        c.target->owner()->pipe_command(c);
}

} // namespace zmx
