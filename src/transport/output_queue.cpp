#include "transport/output_queue.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

namespace zmx {

namespace {
// A write batch holds at most a few dozen pieces (session.cpp hands over
// about 64 KiB at a time); whatever does not fit goes in the next call.
constexpr size_t max_pieces = 64;
} // namespace

void output_queue::splice(msg& m) {
    spliced_.push_back(spliced_body{.at = bytes_.size(), .body = {}});
    m.relocate_to(spliced_.back().body);
    spliced_unsent_ += spliced_.back().body.size();
}

output_queue::outcome output_queue::send_to(int fd) {
    while (size() > 0) {
        iovec pieces[max_pieces];
        msghdr header = {};
        header.msg_iov = pieces;
        header.msg_iovlen = gather(pieces, max_pieces);
        const ssize_t n = ::sendmsg(fd, &header, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno == EAGAIN || errno == EWOULDBLOCK ? outcome::blocked : outcome::failed;
        }
        advance(static_cast<size_t>(n));
    }
    clear();  // keeps the capacity of both vectors for the next batch
    return outcome::all_sent;
}

void output_queue::clear() {
    for (size_t i = first_unsent_; i < spliced_.size(); ++i)
        spliced_[i].body.close();
    spliced_.clear();
    bytes_.clear();
    bytes_sent_ = 0;
    first_unsent_ = 0;
    body_sent_ = 0;
    spliced_unsent_ = 0;
}

size_t output_queue::gather(iovec* iov, size_t capacity) {
    size_t count = 0;
    size_t from = bytes_sent_;
    size_t next = first_unsent_;
    // Two pieces per spliced body: the bytes before it, then the body.
    for (; next < spliced_.size() && count + 2 <= capacity; ++next) {
        spliced_body& piece = spliced_[next];
        if (piece.at > from)
            iov[count++] = {bytes_.data() + from, piece.at - from};
        const size_t skip = next == first_unsent_ ? body_sent_ : 0;
        iov[count++] = {static_cast<uint8_t*>(piece.body.data()) + skip, piece.body.size() - skip};
        from = piece.at;
    }
    if (next == spliced_.size() && from < bytes_.size() && count < capacity)
        iov[count++] = {bytes_.data() + from, bytes_.size() - from};
    return count;
}

void output_queue::advance(size_t n) {
    while (n > 0 && first_unsent_ < spliced_.size()) {
        spliced_body& piece = spliced_[first_unsent_];
        const size_t before_body = std::min(n, piece.at - bytes_sent_);
        bytes_sent_ += before_body;
        n -= before_body;
        const size_t of_body = std::min(n, piece.body.size() - body_sent_);
        body_sent_ += of_body;
        spliced_unsent_ -= of_body;
        n -= of_body;
        if (body_sent_ < piece.body.size())
            return;  // n is used up within this body
        piece.body.close();
        ++first_unsent_;
        body_sent_ = 0;
    }
    bytes_sent_ += n;
}

} // namespace zmx
