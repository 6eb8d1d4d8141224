// Fuzz target: the udp datagram of RADIO and DISH (src/transport/
// udp_datagram.*), a length byte, the group, the body. The whole input is
// one datagram from the network. Checked:
//   - a datagram is refused, and counted, exactly when it is empty or its
//     group runs past its end;
//   - an accepted one's group is the length byte's count of bytes after
//     it, its body the rest, both views inside the input;
//   - encoding the group and body again gives the input back, byte for
//     byte, when it fits in a datagram.
#include "fuzz_support.hpp"

#include "transport/udp_datagram.hpp"

#include <array>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using zmx::fuzz::byte_span;
    const byte_span input(data, size);
    zmx::datagram_decoder decoder;
    const auto parsed = decoder.decode(input);
    const bool well_formed = size > 0 && size - 1 >= data[0];
    FUZZ_REQUIRE(parsed.has_value() == well_formed);
    FUZZ_REQUIRE(decoder.rejected() == (well_formed ? 0u : 1u));
    if (!parsed)
        return 0;
    FUZZ_REQUIRE(parsed->group.size() == data[0]);
    FUZZ_REQUIRE(reinterpret_cast<const uint8_t*>(parsed->group.data()) == data + 1);
    FUZZ_REQUIRE(parsed->body.data() == data + 1 + data[0]);
    FUZZ_REQUIRE(parsed->body.size() == size - 1 - data[0]);
    std::array<uint8_t, zmx::max_datagram> again{};
    const size_t written = zmx::encode_datagram(parsed->group, parsed->body, again);
    FUZZ_REQUIRE(written == (size <= zmx::max_datagram ? size : 0));
    FUZZ_REQUIRE(written == 0 || std::memcmp(again.data(), data, size) == 0);
    return 0;
}
