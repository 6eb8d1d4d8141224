// The way back for a request: the envelope frames in front of its empty
// delimiter (routing ids the ROUTERs on the way added, request tags the
// SP_REQs on the way added), and the number of hops it took.
//
// On a ubuf the route rides in a control ubuf (docs/sp.md):
//   "ZRT1" | hops (u16) | frame count (u16) | per frame: size (u32), bytes
// all big-endian. The first control ubuf with that layout is the route.
#pragma once

#include "xio/frame.hpp"

#include <cstdint>
#include <optional>

namespace zmx::xio {

struct ubuf;

struct route {
    message frames;  // outermost first, as on the wire
    int hops = 0;    // SP hops: 1 from a client, one more per proxy
};

// A request and its route, as the sockets move it.
struct envelope {
    route back;
    message body;  // the frames after the delimiter
};

// What sp_recv hands out: a new ubuf of the body's frames joined, with the
// route attached when there is one. nullptr with errno.
ubuf* to_ubuf(envelope& e);
// What sp_send takes from a ubuf: its body, and its route if it has one.
envelope from_ubuf(ubuf* u);

// Splits a received message at its delimiter: false when it has none.
bool open_envelope(message& m, envelope& out);
// The frames of the message: route, delimiter, body (envelope is emptied).
message seal_envelope(envelope& e);

// A new control ubuf holding r, or nullptr with errno.
ubuf* encode_route(const route& r);
// The route u carries (its first route control ubuf), if any.
std::optional<route> route_of(ubuf* u);

// SP_REQ's tag on each request: one envelope frame {0xA7, hops, id (u32)},
// so a reply finds its request and a REP learns how far it came.
struct request_tag {
    uint8_t hops;
    uint32_t id;
};
frame make_tag(const request_tag& t);
std::optional<request_tag> read_tag(const frame& f);

// How many SP hops a request whose route is r (as its REP received it,
// peer routing id first) has taken.
int hops_of(const message& route_frames);

} // namespace zmx::xio
