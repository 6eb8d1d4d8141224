#include "socket/xpub.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"
#include "socket/socket_types.hpp"

#include <algorithm>

namespace zmx {

xpub_socket::xpub_socket(context& ctx, int type) : socket_base(ctx, type) { out_.track_drops(&hwm_drops()); }

xpub_socket::~xpub_socket() {
    for (auto& m : pending_)
        m.close();
}

void xpub_socket::xattach_pipe(pipe* p, bool) {
    out_.attach(p);
    if (has_welcome_) {
        msg welcome;
        welcome.init_copy_of(welcome_.data(), welcome_.size());
        if (!p->write(welcome))
            welcome.close();
    }
    drain(p);
}

void xpub_socket::xread_activated(pipe* p) { drain(p); }

// As libzmq, any part of a message may be a (un)subscription, not only
// the first; with ZMQ_ONLY_FIRST_SUBSCRIBE, the parts after a first one
// that is not are data. A pipe's messages arrive whole, so the state of
// the message being read lives in this loop.
void xpub_socket::drain(pipe* p) {
    msg m;
    m.init();
    bool first_part = true;
    bool later_parts_may_subscribe = false;
    while (p->read(m)) {
        const bool more = m.has(msg::more);
        const bool was_request = process(p, m, first_part || later_parts_may_subscribe);
        if (first_part)
            later_parts_may_subscribe = !only_first_subscribe_ || was_request;
        first_part = !more;
    }
}

bool xpub_socket::process(pipe* p, msg& m, bool may_subscribe) {
    const auto* data = static_cast<const unsigned char*>(m.data());
    const size_t size = m.size();
    const bool is_subscription = may_subscribe && size > 0 && (data[0] == 0 || data[0] == 1);
    if (!is_subscription) {
        // Anything else a subscriber sends reaches an XPUB's application.
        if (options_.type != ZMQ_PUB)
            queue_for_app(data, size, p, m.has(msg::more));
        m.close();
        return false;
    }
    const std::string_view topic(reinterpret_cast<const char*>(data) + 1, size - 1);
    const bool is_subscribe = data[0] == 1;
    // XPUB_MANUAL passes every request on: the application decides.
    bool notify = true;
    topic_table& table = manual_ ? requested_ : subscriptions_;
    if (is_subscribe)
        notify = subscribe(table, p, topic) || verbose_subs_ || manual_;
    else
        notify = unsubscribe(table, p, topic) || verbose_unsubs_ || manual_;
    if (notify && options_.type != ZMQ_PUB)
        queue_for_app(data, size, p);  // a message of its own, as libzmq
    m.close();
    return true;
}

void xpub_socket::queue_for_app(const void* data, size_t size, pipe* from, bool more) {
    msg& m = pending_.emplace_back();
    m.init_copy_of(data, size);
    if (more)
        m.set(msg::more);
    pending_from_.push_back(from);
}

bool xpub_socket::subscribe(topic_table& table, pipe* p, std::string_view topic) {
    auto& pipes = table.at(topic);
    const bool first = pipes.empty();
    if (std::find(pipes.begin(), pipes.end(), p) == pipes.end())
        pipes.push_back(p);
    return first;
}

bool xpub_socket::unsubscribe(topic_table& table, pipe* p, std::string_view topic) {
    auto* pipes = table.find(topic);
    if (!pipes || std::find(pipes->begin(), pipes->end(), p) == pipes->end())
        return false;
    std::erase(*pipes, p);
    if (!pipes->empty())
        return false;
    table.erase(topic);
    return true;
}

std::vector<std::pair<std::string, bool>> xpub_socket::unsubscribe_all(topic_table& table, pipe* p) {
    std::vector<std::pair<std::string, bool>> left;
    table.for_each([&](const std::string& topic, std::vector<pipe*>& pipes) {
        if (std::find(pipes.begin(), pipes.end(), p) != pipes.end())
            left.emplace_back(topic, pipes.size() == 1);
    });
    for (const auto& [topic, last] : left)
        unsubscribe(table, p, topic);
    return left;
}

void xpub_socket::xpipe_terminated(pipe* p) {
    // libzmq tells a manual XPUB of every topic the subscriber asked for, and
    // an automatic one of each topic no subscriber wants any more (of every
    // one the subscriber had, with XPUB_VERBOSER).
    auto left = unsubscribe_all(subscriptions_, p);
    if (manual_)
        left = unsubscribe_all(requested_, p);
    for (const auto& [topic, last] : left) {
        if (options_.type == ZMQ_PUB || !(last || verbose_unsubs_ || manual_))
            continue;
        const std::string cancel = std::string(1, '\0') + topic;
        queue_for_app(cancel.data(), cancel.size(), nullptr);
    }
    out_.terminated(p);
    std::replace(pending_from_.begin(), pending_from_.end(), p, static_cast<pipe*>(nullptr));
    if (last_subscriber_ == p)
        last_subscriber_ = nullptr;
}

void xpub_socket::choose_targets(const msg& m) {
    chosen_.clear();
    const std::string_view data(static_cast<const char*>(m.data()), m.size());
    size_t prefixes = 0;
    subscriptions_.for_each_prefix_of(data, [&](std::vector<pipe*>& pipes) {
        chosen_.insert(chosen_.end(), pipes.begin(), pipes.end());
        ++prefixes;
    });
    // A prefix lists each of its pipes once; a pipe subscribed to several
    // prefixes of the message is listed once for each, and gets the
    // message once. Sorted, in n log n: a search of the list for each pipe
    // cost 5,000 comparisons a message with 100 subscribers to one topic.
    if (prefixes > 1 || options_.invert_matching) {
        std::sort(chosen_.begin(), chosen_.end());
        chosen_.erase(std::unique(chosen_.begin(), chosen_.end()), chosen_.end());
    }
    if (options_.invert_matching) {
        std::vector<pipe*> others;
        for (pipe* p : out_.pipes())
            if (!std::binary_search(chosen_.begin(), chosen_.end(), p))
                others.push_back(p);
        chosen_.swap(others);
    }
}

int xpub_socket::xsend(msg& m) {
    const bool more = m.has(msg::more);
    if (!more_out_) {
        choose_targets(m);
        if (manual_ && send_to_last_subscriber_ && last_subscriber_) {
            // XPUB_MANUAL_LAST_VALUE: the first message after a granted
            // subscription goes to that subscriber alone (a last value
            // cache answering a newcomer), if it matches what it has.
            const bool matched = std::find(chosen_.begin(), chosen_.end(), last_subscriber_) != chosen_.end();
            chosen_.assign(matched ? 1 : 0, last_subscriber_);
            last_subscriber_ = nullptr;
        }
        if (!lossy_ && !out_.all_have_room(&chosen_))
            return fail(EAGAIN);
    }
    out_.send(m, &chosen_);
    more_out_ = more;
    return 0;
}

int xpub_socket::xrecv(msg& m) {
    if (pending_.empty())
        return fail(EAGAIN);
    // The subscriber a manual XPUB's next ZMQ_SUBSCRIBE applies to: none
    // after an unsubscription from one that left.
    if (manual_)
        last_subscriber_ = pending_from_.front();
    pending_.front().move_to(m);
    pending_.pop_front();
    pending_from_.pop_front();
    return 0;
}

bool xpub_socket::xhas_in() { return !pending_.empty(); }

bool xpub_socket::xhas_out() { return lossy_ || out_.all_have_room(); }

int xpub_socket::xsetsockopt(int option, const void* value, size_t size) {
    switch (option) {
    case ZMQ_XPUB_VERBOSE: {
        bool on;
        if (option_value::get_bool_non_negative(value, size, on) < 0)
            return -1;
        verbose_subs_ = on;
        verbose_unsubs_ = false;  // as libzmq: VERBOSE undoes VERBOSER's part
        return 0;
    }
    case ZMQ_XPUB_VERBOSER: {
        bool on;
        if (option_value::get_bool_non_negative(value, size, on) < 0)
            return -1;
        verbose_subs_ = verbose_unsubs_ = on;
        return 0;
    }
    case ZMQ_XPUB_NODROP: {
        bool nodrop;
        if (option_value::get_bool_non_negative(value, size, nodrop) < 0)
            return -1;
        lossy_ = !nodrop;
        return 0;
    }
    case ZMQ_XPUB_MANUAL:
        return option_value::get_bool_non_negative(value, size, manual_);
    case ZMQ_ONLY_FIRST_SUBSCRIBE:
        return option_value::get_bool_non_negative(value, size, only_first_subscribe_);
    case ZMQ_XPUB_MANUAL_LAST_VALUE:
        if (option_value::get_bool_non_negative(value, size, manual_) < 0)
            return -1;
        send_to_last_subscriber_ = manual_;
        return 0;
    case ZMQ_XPUB_WELCOME_MSG:
        has_welcome_ = size > 0;
        welcome_.assign(static_cast<const char*>(value), size);
        return 0;
    case ZMQ_SUBSCRIBE:
    case ZMQ_UNSUBSCRIBE:
        if (!manual_)
            return fail(EINVAL);
        if (last_subscriber_) {  // else accepted and ignored, as in libzmq
            const std::string_view topic(static_cast<const char*>(value), size);
            if (option == ZMQ_SUBSCRIBE)
                subscribe(subscriptions_, last_subscriber_, topic);
            else
                unsubscribe(subscriptions_, last_subscriber_, topic);
        }
        return 0;
    default:
        return socket_base::xsetsockopt(option, value, size);
    }
}

socket_base* make_xpub(context& ctx) { return new xpub_socket(ctx, ZMQ_XPUB); }

} // namespace zmx
