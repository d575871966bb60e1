#include "util/encoding.hpp"

#include "error.hpp"
#include "util/text.hpp"

#include <cerrno>
#include <iconv.h>
#include <istream>
#include <sstream>

namespace guazhi::util {

namespace {
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

const char* iconv_charset(Encoding encoding) {
    switch (encoding) {
    case Encoding::utf16le: return "UTF-16LE";
    case Encoding::utf16be: return "UTF-16BE";
    default: return "GB18030";
    }
}
} // namespace

std::string_view encoding_name(Encoding encoding) {
    switch (encoding) {
    case Encoding::utf8: return "UTF-8";
    case Encoding::gb18030: return "GB18030";
    case Encoding::utf16le: return "UTF-16LE";
    case Encoding::utf16be: return "UTF-16BE";
    case Encoding::automatic: break;
    }
    return "auto";
}

std::optional<Encoding> parse_encoding(std::string_view name) {
    auto n = ascii_lower(name);
    if (n == "auto") return Encoding::automatic;
    if (n == "utf-8" || n == "utf8") return Encoding::utf8;
    if (n == "gbk" || n == "gb2312" || n == "gb18030" || n == "cp936") return Encoding::gb18030;
    if (n == "utf-16" || n == "utf16" || n == "utf-16le" || n == "unicode") return Encoding::utf16le;
    if (n == "utf-16be") return Encoding::utf16be;
    return std::nullopt;
}

struct Utf8Source::Iconv {
    iconv_t cd;
    explicit Iconv(const char* from) : cd(iconv_open("UTF-8", from)) {
        if (cd == reinterpret_cast<iconv_t>(-1))
            throw DecodeError(msg("this system cannot convert {} (iconv)", from));
    }
    ~Iconv() { iconv_close(cd); }
};

Utf8Source::Utf8Source(std::istream& in, Encoding encoding) : in_(in), encoding_(encoding) {}
Utf8Source::~Utf8Source() = default;

bool Utf8Source::fill_raw() {
    if (eof_) return false;
    std::size_t old = raw_.size();
    raw_.resize(old + kChunk);
    in_.read(raw_.data() + old, static_cast<std::streamsize>(kChunk));
    auto got = static_cast<std::size_t>(in_.gcount());
    raw_.resize(old + got);
    if (got < kChunk) eof_ = true;
    if (in_.bad()) throw DecodeError(msg("read error"));
    return got > 0;
}

std::string_view Utf8Source::next_chunk() {
    fill_raw();
    if (!started_) {
        started_ = true;
        std::string_view head(raw_);
        // A workbook or document piped in (a file is recognised by its name's bytes before
        // it gets here, see util/table.hpp): not text to decode.
        if (head.starts_with("PK\x03\x04") || head.starts_with("\xD0\xCF\x11\xE0") || head.starts_with("%PDF"))
            throw DecodeError(msg("a workbook or document, not text: give its file name instead of standard input"));
        if (head.starts_with(kUtf8Bom)) {
            raw_.erase(0, kUtf8Bom.size());
            if (encoding_ == Encoding::automatic) encoding_ = Encoding::utf8;
        } else if (head.starts_with(kUtf16LeBom) || head.starts_with(kUtf16BeBom)) {
            Encoding by_bom = head.starts_with(kUtf16LeBom) ? Encoding::utf16le : Encoding::utf16be;
            if (encoding_ == Encoding::automatic) encoding_ = by_bom;
            if (encoding_ == by_bom) raw_.erase(0, 2);
        }
        if (encoding_ == Encoding::automatic) {
            std::string_view head(raw_);
            if (!eof_) head = head.substr(0, utf8_complete_prefix(head));
            encoding_ = is_valid_utf8(head) ? Encoding::utf8 : Encoding::gb18030;
        }
    }
    if (raw_.empty()) return {};
    return encoding_ == Encoding::utf8 ? decode_utf8(eof_) : decode_iconv(eof_);
}

std::string_view Utf8Source::decode_utf8(bool at_end) {
    std::string_view view(raw_);
    std::size_t usable = at_end ? view.size() : utf8_complete_prefix(view);
    std::size_t valid = utf8_valid_prefix(view.substr(0, usable));
    // Hand out the good text before a bad byte first, so the reader knows the line it is on.
    if (valid == 0 && usable > 0) throw DecodeError(msg("invalid UTF-8"), DecodeError::Kind::not_utf8);
    usable = valid;
    decoded_.assign(raw_, 0, usable);
    raw_.erase(0, usable);
    return decoded_;
}

std::string_view Utf8Source::decode_iconv(bool at_end) {
    if (!iconv_) iconv_ = std::make_unique<Iconv>(iconv_charset(encoding_));
    decoded_.resize(raw_.size() * 2 + 16); // neither GB18030 nor UTF-16 grows by more than 2x into UTF-8
    char* inp = raw_.data();
    std::size_t inleft = raw_.size();
    char* outp = decoded_.data();
    std::size_t outleft = decoded_.size();
    while (inleft > 0) {
        std::size_t rc = iconv(iconv_->cd, &inp, &inleft, &outp, &outleft);
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == EINVAL && !at_end) break; // a character cut at the chunk end: keep it
        if (errno == E2BIG) {
            std::size_t used = decoded_.size() - outleft;
            decoded_.resize(decoded_.size() * 2);
            outp = decoded_.data() + used;
            outleft = decoded_.size() - used;
            continue;
        }
        // Hand out what was converted before the bad bytes; the next call reports them.
        if (inp == raw_.data())
            throw DecodeError(encoding_ == Encoding::gb18030
                                  ? msg("bytes that are neither UTF-8 nor GB18030 (check the file's encoding)")
                                  : msg("bytes that are not valid UTF-16 (check the file's encoding)"));
        break;
    }
    decoded_.resize(decoded_.size() - outleft);
    raw_.erase(0, raw_.size() - inleft);
    return decoded_;
}

std::string decode_text(std::string_view bytes) {
    Encoding encoding = Encoding::gb18030;
    if (bytes.starts_with(kUtf8Bom)) encoding = Encoding::utf8;
    else if (bytes.starts_with(kUtf16LeBom)) encoding = Encoding::utf16le;
    else if (bytes.starts_with(kUtf16BeBom)) encoding = Encoding::utf16be;
    else if (is_valid_utf8(bytes)) return std::string(bytes);
    std::istringstream in{std::string(bytes)};
    Utf8Source source(in, encoding);
    std::string out;
    for (auto chunk = source.next_chunk(); !chunk.empty(); chunk = source.next_chunk()) out += chunk;
    return out;
}

std::string to_gb18030(std::string_view utf8) {
    if (!is_valid_utf8(utf8)) throw Error(msg("cannot write as GB18030: the text is not valid UTF-8"));
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw Error(msg("this system's iconv cannot write GB18030"));
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* to = out.data();
    std::size_t out_left = out.size();
    std::size_t rc = iconv(cd, &in, &in_left, &to, &out_left);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) throw Error(msg("cannot write as GB18030"));
    out.resize(out.size() - out_left);
    return out;
}

} // namespace guazhi::util
