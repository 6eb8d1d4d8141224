// Reads the head of an HTTP/1.1 request or response: the start line, then
// header lines up to the empty line, nothing beyond. Bounded: a line
// longer than max_line, more than max_headers headers, a head longer than
// max_head, or a line that does not end in CRLF is an error; a stranger
// that never finishes its request makes us hold at most max_head bytes.
//
// Sans-I/O. Threading: the one thread driving its connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zmx {

class http_head {
public:
    static constexpr size_t max_line = 4096;
    static constexpr size_t max_headers = 64;
    static constexpr size_t max_head = 16 * 1024;

    enum class status { need_more, complete, error };

    // Consumes bytes up to the end of the head (never beyond it) and adds
    // the number taken to `consumed`.
    status feed(std::span<const uint8_t> in, size_t& consumed);

    const std::string& start_line() const { return start_line_; }
    // A header's value (names compare without case); repeated headers are
    // joined with ", " as RFC 9110 allows.
    std::optional<std::string> header(std::string_view name) const;

private:
    status end_line();

    std::string line_;
    std::string start_line_;
    std::vector<std::pair<std::string, std::string>> headers_;
    size_t size_ = 0;  // bytes of the head read so far
    bool have_start_line_ = false;
    status status_ = status::need_more;
};

// Whether a comma-separated header value holds `token` (without case).
bool has_token(std::string_view list, std::string_view token);
bool equals_ignoring_case(std::string_view a, std::string_view b);
// Splits a comma-separated header value into trimmed items.
std::vector<std::string_view> split_list(std::string_view list);

} // namespace zmx
