#include "xio/route.hpp"

#include "xio/ubuf.hpp"

#include <cstring>
#include <string>

namespace zmx::xio {

namespace {

constexpr char route_magic[4] = {'Z', 'R', 'T', '1'};
constexpr uint8_t tag_marker = 0xA7;
constexpr size_t tag_size = 6;

void put_be(std::string& out, uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i)
        out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// Reads a big-endian number from the front of in, advancing it.
bool take_be(std::string_view& in, int bytes, uint64_t& out) {
    if (in.size() < static_cast<size_t>(bytes))
        return false;
    out = 0;
    for (int i = 0; i < bytes; ++i)
        out = (out << 8) | static_cast<uint8_t>(in[static_cast<size_t>(i)]);
    in.remove_prefix(static_cast<size_t>(bytes));
    return true;
}

std::optional<route> decode_route(std::string_view in) {
    if (in.size() < sizeof route_magic || std::memcmp(in.data(), route_magic, sizeof route_magic) != 0)
        return std::nullopt;
    in.remove_prefix(sizeof route_magic);
    uint64_t hops, count;
    if (!take_be(in, 2, hops) || !take_be(in, 2, count))
        return std::nullopt;
    route r;
    r.hops = static_cast<int>(hops);
    for (uint64_t i = 0; i < count; ++i) {
        uint64_t size;
        if (!take_be(in, 4, size) || in.size() < size)
            return std::nullopt;
        r.frames.emplace_back(in.substr(0, size));
        in.remove_prefix(size);
    }
    return in.empty() ? std::optional<route>(std::move(r)) : std::nullopt;
}

} // namespace

ubuf* to_ubuf(envelope& e) {
    ubuf* u = join_frames(e.body, 0);
    if (!u || e.back.frames.empty())
        return u;
    ubuf* r = encode_route(e.back);
    if (!r) {
        ubuf_free(u);
        return nullptr;
    }
    ubuf_attach(u, r);
    return u;
}

envelope from_ubuf(ubuf* u) {
    envelope e;
    if (auto r = route_of(u))
        e.back = std::move(*r);
    e.body.emplace_back(u->bytes());
    return e;
}

bool open_envelope(message& m, envelope& out) {
    size_t delimiter = 0;
    while (delimiter < m.size() && m[delimiter].size() != 0)
        ++delimiter;
    if (delimiter == m.size())
        return false;
    out.back.frames.clear();
    out.body.clear();
    for (size_t i = 0; i < m.size(); ++i) {
        if (i < delimiter)
            out.back.frames.push_back(std::move(m[i]));
        else if (i > delimiter)
            out.body.push_back(std::move(m[i]));
    }
    return true;
}

message seal_envelope(envelope& e) {
    message m = std::move(e.back.frames);
    m.emplace_back();
    for (frame& f : e.body)
        m.push_back(std::move(f));
    e.body.clear();
    return m;
}

ubuf* encode_route(const route& r) {
    std::string out(route_magic, sizeof route_magic);
    put_be(out, static_cast<uint64_t>(r.hops), 2);
    put_be(out, r.frames.size(), 2);
    for (const frame& f : r.frames) {
        put_be(out, f.size(), 4);
        out += f.bytes();
    }
    return ubuf_from(out);
}

std::optional<route> route_of(ubuf* u) {
    for (ubuf* c : u->controls)
        if (auto r = decode_route(c->bytes()))
            return r;
    return std::nullopt;
}

frame make_tag(const request_tag& t) {
    std::string bytes(1, static_cast<char>(tag_marker));
    put_be(bytes, t.hops, 1);
    put_be(bytes, t.id, 4);
    return frame(bytes);
}

std::optional<request_tag> read_tag(const frame& f) {
    std::string_view in = f.bytes();
    if (in.size() != tag_size || static_cast<uint8_t>(in[0]) != tag_marker)
        return std::nullopt;
    in.remove_prefix(1);
    uint64_t hops, id;
    take_be(in, 1, hops);
    take_be(in, 4, id);
    return request_tag{static_cast<uint8_t>(hops), static_cast<uint32_t>(id)};
}

int hops_of(const message& route_frames) {
    if (route_frames.size() >= 2)
        if (auto tag = read_tag(route_frames[1]))
            return tag->hops;
    return 1;  // a zmq REQ or DEALER: no tag, one hop
}

} // namespace zmx::xio
