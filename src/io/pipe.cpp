#include "io/pipe.hpp"

#include <algorithm>
#include <utility>

namespace zmx {

std::shared_ptr<pipe_pair> pipe_pair::create() {
    return std::shared_ptr<pipe_pair>(new pipe_pair);
}

pipe_pair::~pipe_pair() {
    // Both ends are gone: release what is still queued (free functions run
    // here, with no lock held).
    for (auto& d : dirs_) {
        if (d.slot_full)
            d.slot.close();
        d.queue.rollback([](msg& m) { m.close(); });
        while (msg* m = d.queue.front()) {
            m->close();
            d.queue.pop();
        }
    }
}

void pipe_pair::set_mailbox(int side, std::shared_ptr<command_mailbox> box) {
    std::lock_guard lock(mailbox_mutex_);
    mailboxes_[side] = std::move(box);
}

void pipe_pair::post(int side, command::kind what) {
    std::shared_ptr<command_mailbox> box;
    {
        std::lock_guard lock(mailbox_mutex_);
        box = mailboxes_[side];
    }
    if (!box)
        return;  // not attached yet: the socket checks the pipe when it attaches
    command c{what, end(side).self()};
    box->post(c);
}

std::shared_ptr<pipe> pipe::self() {
    return std::shared_ptr<pipe>(pair_.shared_from_this(), this);
}

void pipe::set_mailbox(std::shared_ptr<command_mailbox> box) { pair_.set_mailbox(side_, std::move(box)); }

void pipe::post_to_peer(command::kind what) { pair_.post(1 - side_, what); }

void pipe::wake_peer_if_asleep(std::atomic<bool>& asleep, command::kind what) {
    // The cheap load first: the exchange (a locked write) only when needed.
    if (asleep.load(std::memory_order_seq_cst) && asleep.exchange(false))
        post_to_peer(what);
}

void pipe::set_hwms(int out_hwm, int in_hwm) {
    for (auto [d, value] : {std::pair{&pair_.outbound(side_), out_hwm}, std::pair{&pair_.inbound(side_), in_hwm}}) {
        d->hwm.store(value, std::memory_order_relaxed);
        d->reader_hwm.store(value, std::memory_order_relaxed);
    }
}

void pipe::remember_peer_hwms(int peer_sndhwm, int peer_rcvhwm) {
    pair_.outbound(side_).writer_boost.store(peer_rcvhwm, std::memory_order_relaxed);
    pair_.inbound(side_).reader_boost.store(peer_sndhwm, std::memory_order_relaxed);
}

namespace {

// libzmq's sum of a new HWM and a remembered one: no limit when either is 0
// (or the new one negative).
int boosted(int hwm, const std::atomic<int>& boost) {
    const int extra = boost.load(std::memory_order_relaxed);
    return hwm <= 0 || extra == 0 ? 0 : hwm + std::max(extra, 0);
}

}  // namespace

void pipe::apply_hwms(int sndhwm, int rcvhwm) {
    auto& out = pair_.outbound(side_);
    auto& in = pair_.inbound(side_);
    out.hwm.store(boosted(sndhwm, out.writer_boost), std::memory_order_relaxed);
    out.reader_hwm.store(boosted(sndhwm, out.reader_boost), std::memory_order_relaxed);
    in.hwm.store(boosted(rcvhwm, in.writer_boost), std::memory_order_relaxed);
    in.reader_hwm.store(boosted(rcvhwm, in.reader_boost), std::memory_order_relaxed);
}

void pipe::set_conflate() {
    pair_.outbound(side_).conflate = true;
    pair_.inbound(side_).conflate = true;
}

void pipe::announce_routing_id(const std::string& own_routing_id) {
    if (std::exchange(announced_, true))
        return;
    msg& id = pair_.outbound(side_).queue.push_slot();
    id.init_copy_of(own_routing_id.data(), own_routing_id.size());
    id.set(msg::routing_id);
    if (!greeting_.empty()) {
        pair_.outbound(side_).queue.push_slot().init_copy_of(greeting_.data(), greeting_.size());
        ++msgs_written_;
        greeting_.clear();
    }
    publish();
    // A connect-before-bind writer may be waiting for the room our
    // RCVHWM has just added.
    wake_peer_if_asleep(pair_.inbound(side_).writer_asleep, command::kind::activate_write);
}

void pipe::preset_peer_routing_id(const std::string& id) {
    peer_routing_id_ = id;
    identified_ = true;
    id_preset_ = true;
}

int pipe::peer_linger() const { return pair_.inbound(side_).linger.load(std::memory_order_relaxed); }

bool pipe::peer_closed() const { return pair_.inbound(side_).closed.load(std::memory_order_acquire); }

// Consumes routing-id frames at the head of the queue and returns the next
// frame, or nullptr when none is visible. Leaves the reader marked asleep
// when it returns nullptr, so the writer's next flush wakes us.
static msg* next_frame(spsc_queue<msg>& queue, std::atomic<bool>& reader_asleep, std::string& peer_id,
                       bool& identified, bool keep_preset) {
    for (;;) {
        msg* m = queue.front();
        if (!m) {
            reader_asleep.store(true, std::memory_order_seq_cst);
            m = queue.front();
            if (!m)
                return nullptr;
        }
        if (!m->has(msg::routing_id))
            return m;
        if (!keep_preset)
            peer_id.assign(static_cast<const char*>(m->data()), m->size());
        identified = true;
        m->close();
        queue.pop();
    }
}

bool pipe::check_read() {
    if (delimited_ || terminated_)
        return false;
    auto& in = pair_.inbound(side_);
    msg* m = next_frame(in.queue, in.reader_asleep, peer_routing_id_, identified_, id_preset_);
    if (in.conflate) {
        std::lock_guard lock(in.slot_mutex);
        if (in.slot_full)
            return true;
    }
    if (m && m->is_delimiter()) {
        delimited_ = true;
        owner_->pipe_delimited(this);
        return false;
    }
    return m != nullptr;
}

bool pipe::at_delimiter() {
    auto& in = pair_.inbound(side_);
    msg* m = next_frame(in.queue, in.reader_asleep, peer_routing_id_, identified_, id_preset_);
    return m && m->is_delimiter();
}

bool pipe::read(msg& out) {
    if (!check_read())
        return false;
    auto& in = pair_.inbound(side_);
    out.close();
    if (in.conflate && read_conflated(out))
        return true;
    msg* m = in.queue.front();
    m->relocate_to(out);
    in.queue.pop();
    bytes_read_ += out.size();
    if (!out.has(msg::more))
        acknowledge_read();
    return true;
}

void pipe::acknowledge_read() {
    ++msgs_read_;
    auto& in = pair_.inbound(side_);
    const int hwm = in.reader_hwm.load(std::memory_order_relaxed);
    if (hwm <= 0 || msgs_read_ % low_water_mark(hwm) != 0)
        return;
    in.read_ack.store(msgs_read_, std::memory_order_seq_cst);
    wake_peer_if_asleep(in.writer_asleep, command::kind::activate_write);
}

bool pipe::check_write() {
    auto& out = pair_.outbound(side_);
    if (terminated_ || out.reader_gone.load(std::memory_order_acquire))
        return false;
    if (out.conflate)
        return true;
    const int hwm = out.hwm.load(std::memory_order_relaxed);
    if (hwm <= 0 || msgs_written_ - peer_read_seen_ < static_cast<uint64_t>(hwm))
        return true;
    peer_read_seen_ = out.read_ack.load(std::memory_order_acquire);
    if (msgs_written_ - peer_read_seen_ < static_cast<uint64_t>(hwm))
        return true;
    out.writer_asleep.store(true, std::memory_order_seq_cst);
    peer_read_seen_ = out.read_ack.load(std::memory_order_seq_cst);
    return msgs_written_ - peer_read_seen_ < static_cast<uint64_t>(hwm);
}

bool pipe::below_hwm() const {
    const auto& out = pair_.outbound(side_);
    const int hwm = out.hwm.load(std::memory_order_relaxed);
    return out.conflate || hwm <= 0 ||
           msgs_written_ - out.read_ack.load(std::memory_order_acquire) < static_cast<uint64_t>(hwm);
}

bool pipe::write(msg& m, bool publish_now) {
    // Frames after the first of a message always fit: HWM counts messages.
    if (!writing_more_ && !check_write())
        return false;
    auto& out = pair_.outbound(side_);
    if (out.conflate)
        return write_conflated(m);
    writing_more_ = m.has(msg::more);
    bytes_written_ += m.size();
    m.relocate_to(out.queue.push_slot());
    if (writing_more_)
        return true;
    ++msgs_written_;
    if (publish_now)
        publish();
    else
        unpublished_ = true;
    return true;
}

void pipe::publish_written() {
    if (std::exchange(unpublished_, false))
        publish();
}

void pipe::publish() {
    auto& out = pair_.outbound(side_);
    out.queue.flush();
    out.published.store(msgs_written_, std::memory_order_relaxed);
    wake_peer_if_asleep(out.reader_asleep, command::kind::activate_read);
}

bool pipe::write_conflated(msg& m) {
    auto& out = pair_.outbound(side_);
    msg replaced;
    replaced.init();
    const size_t size = m.size();
    {
        std::lock_guard lock(out.slot_mutex);
        if (out.slot_full) {
            out.slot.relocate_to(replaced);
            out.replaced.add();
        }
        m.relocate_to(out.slot);
        out.slot_full = true;
    }
    ++msgs_written_;  // no flow control counts it here: only the statistics
    bytes_written_ += size;
    replaced.close();  // outside the lock: it may run a free function
    wake_peer_if_asleep(out.reader_asleep, command::kind::activate_read);
    return true;
}

bool pipe::read_conflated(msg& m) {
    auto& in = pair_.inbound(side_);
    std::lock_guard lock(in.slot_mutex);
    if (!in.slot_full)
        return false;
    in.slot.relocate_to(m);
    in.slot_full = false;
    ++msgs_read_;
    bytes_read_ += m.size();
    return true;
}

void pipe::rollback() {
    pair_.outbound(side_).queue.rollback([](msg& m) { m.close(); });
    writing_more_ = false;
}

void pipe::terminate(int linger_ms) {
    if (terminated_)
        return;
    terminated_ = true;
    rollback();
    auto& out = pair_.outbound(side_);
    if (!farewell_.empty() && !out.conflate) {
        // Past the high-water mark if need be: it is the last one.
        out.queue.push_slot().init_copy_of(farewell_.data(), farewell_.size());
        ++msgs_written_;
    }
    out.queue.push_slot().init_delimiter();
    out.queue.flush();
    out.published.store(msgs_written_, std::memory_order_relaxed);
    out.linger.store(linger_ms, std::memory_order_relaxed);
    // Past any low-water step: what our writer wrote beyond this is lost.
    pair_.inbound(side_).read_ack.store(msgs_read_, std::memory_order_release);
    out.closed.store(true, std::memory_order_release);
    pair_.inbound(side_).reader_gone.store(true, std::memory_order_release);
    pair_.set_mailbox(side_, nullptr);
    post_to_peer(command::kind::pipe_term);
}

pipe::queue_counts pipe::queued() const {
    const auto& out = pair_.outbound(side_);
    const auto& in = pair_.inbound(side_);
    if (out.conflate)
        return {out.slot_count(), in.slot_count()};
    // The writer records what it published just after its reader may have
    // read (and acknowledged) it: never report less than nothing.
    const uint64_t acknowledged = in.read_ack.load(std::memory_order_acquire);
    const uint64_t published = in.published.load(std::memory_order_relaxed);
    return {msgs_written_ - out.read_ack.load(std::memory_order_acquire),
            published > acknowledged ? published - acknowledged : 0};
}

uint64_t pipe::conflated() const {
    return pair_.outbound(side_).replaced.get() + pair_.inbound(side_).replaced.get();
}

uint64_t pipe::unread_by_gone_peer() const {
    const auto& out = pair_.outbound(side_);
    if (!out.reader_gone.load(std::memory_order_acquire))
        return 0;
    // Conflated messages were counted when they were replaced.
    const uint64_t gone = out.read_ack.load(std::memory_order_acquire) + out.replaced.get();
    return msgs_written_ > gone ? msgs_written_ - gone : 0;
}

void pipe::set_connection_ends(const endpoint_pair& ends) {
    std::lock_guard lock(pair_.ends_mutex_);
    pair_.connection_ends_ = ends;
}

endpoint_pair pipe::connection_ends() const {
    std::lock_guard lock(pair_.ends_mutex_);
    return pair_.connection_ends_;
}

} // namespace zmx
