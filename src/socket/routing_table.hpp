// The routing ids of a socket's peers, looked up both ways, and the ids the
// socket makes up for peers that bring none: the part ROUTER and STREAM
// share.
//
// Threading: the owning socket's thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zmx {

class pipe;

class routing_table {
public:
    routing_table();

    // A new id in libzmq's form: a zero byte, then a 32-bit counter
    // (big-endian) that starts at a random value.
    std::string generate_id();

    // Names p: false, and nothing changes, when the id is taken.
    bool add(const std::string& id, pipe* p);
    // Forgets p: false when it was not named.
    bool remove(pipe* p);

    pipe* find(std::string_view id) const;
    // p's id, or nullptr when p is not named.
    const std::string* id_of(pipe* p) const;

    // Calls f(pipe) for each named pipe until it returns true: whether one did.
    template <typename F>
    bool any_pipe(F f) const {
        for (const auto& [p, id] : id_of_)
            if (f(p))
                return true;
        return false;
    }

private:
    // Lets find() look a string_view up without making a string.
    struct id_hash {
        using is_transparent = void;
        size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
    };

    std::unordered_map<std::string, pipe*, id_hash, std::equal_to<>> by_id_;
    std::unordered_map<pipe*, std::string> id_of_;
    uint32_t next_id_;
};

} // namespace zmx
