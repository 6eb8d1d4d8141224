// The three frame formats ZMTP has had. The greeting decides which one a
// connection uses (greeting.hpp); decoder and encoder speak all three.
//
//   zmtp1  RFC 13: a length counting the flags byte (one byte up to 254,
//          else 0xFF and 8 big-endian bytes), flags (bit 0 MORE), body.
//   zmtp2  RFC 15: flags (bit 0 MORE, bit 1 LONG), a 1- or 8-byte size, body.
//   zmtp3  RFC 23/37: as 2.0, plus bit 2 COMMAND.
#pragma once

namespace zmx::zmtp {

enum class framing { zmtp1, zmtp2, zmtp3 };

} // namespace zmx::zmtp
