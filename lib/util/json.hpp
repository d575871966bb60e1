// A small streaming JSON writer: objects, arrays and scalars with correct commas and
// escaping. UTF-8 text is written as is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// How a JsonWriter lays its document out: indented for people, or on one line (a value kept in
// a database column, a row of a streamed document).
enum class JsonLayout { indented, one_line };

class JsonWriter {
  public:
    explicit JsonWriter(JsonLayout layout = JsonLayout::indented) : pretty_(layout == JsonLayout::indented) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view v);
    JsonWriter& value(const char* v) { return value(std::string_view(v)); }
    JsonWriter& value(std::int64_t v);
    JsonWriter& value(int v) { return value(static_cast<std::int64_t>(v)); }
    JsonWriter& value(double v); // full precision; non-finite numbers become null
    JsonWriter& value(bool v);
    JsonWriter& null();
    // A value that is already JSON text (e.g. a stored JSON object), written as is.
    JsonWriter& raw(std::string_view json);

    // The text so far; complete once every object and array is closed.
    const std::string& str() const { return out_; }

  private:
    void before_value();
    void newline();
    bool pretty_;
    std::string out_;
    std::vector<bool> first_; // per open container: nothing written in it yet
    bool after_key_ = false;
};

// Escapes a string as a JSON string literal, quotes included.
std::string json_quote(std::string_view s);

} // namespace guazhi
