// Helpers shared by the limit rules (length.*, duration.*): where a body passes its limit,
// units as messages name them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lint/context.h"

namespace wenfeng::rules {

// "字", "个汉字", "个字符" for the profile's unit.
const char* unit_label(std::string_view unit);

// Bytes from `offset` to the end of the block's sentence (after 。！？；).
std::uint32_t to_sentence_end(std::string_view t, std::uint32_t offset);

// Reports the duration rule `c.rule` (duration.tv or duration.speech) for the body at `rate`
// 字/分钟 against `lim` (default: the kind's limit under the rule's id); `note` is added to
// the message.
void report_duration(const lint::RuleContext& c, double rate, bool tv, const profiles::Limit* lim = nullptr,
                     const std::string& note = {});

// For a speech known only as a speech (the kind `speech` without a limit of its own): the
// most lenient speaking-time limit the issuer set for its kinds of speech (speech.*, from the
// nearest profile of the chain that sets any), and the kind that sets it; null when none.
const profiles::Limit* generic_speech_limit(const profiles::Profile& p, std::string& kind_id);

}  // namespace wenfeng::rules
