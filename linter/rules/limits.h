// Helpers shared by the limit rules (length.*, duration.*): where a body passes its limit,
// units as messages name them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/context.h"

namespace wenfeng::rules {

// "字", "个汉字", "个字符" for the profile's unit.
const char* unit_label(std::string_view unit);

// Bytes from `offset` to the end of the block's sentence (after 。！？；).
std::uint32_t to_sentence_end(std::string_view t, std::uint32_t offset);

// Reports the duration rule `c.rule` (duration.tv or duration.speech) for the body at `rate`
// 字/分钟 against `lim` (default: the kind's limit under the rule's id); `note` is added to
// the message. Every other limit the draft is held to (limit_tiers of `limit_kind`, default
// the draft's kind) is checked too: the tightest passed leads, each other one passed is
// named with its source, and the finding has the gravest severity of those passed.
void report_duration(const lint::RuleContext& c, double rate, bool tv, const profiles::Limit* lim = nullptr,
                     const std::string& note = {}, const std::string& limit_kind = {});

// The limits a draft of `kind_id` is held to, `own` first: those of the kind that a nearer
// profile replaced (Kind::inherited), then those of its family's kind (`speech` for
// speech.leader) and theirs; one per profile and figure, the family's soft defaults left out.
std::vector<const profiles::Limit*> limit_tiers(const profiles::Profile& p, const std::string& kind_id,
                                                const profiles::Limit& own);

// For a speech known only as a speech (the kind `speech` without a limit of its own): the
// most lenient speaking-time limit the issuer set for its kinds of speech (speech.*, from the
// nearest profile of the chain that sets any), and the kind that sets it; null when none, or
// when that profile sets a limit on `speech` itself.
const profiles::Limit* generic_speech_limit(const profiles::Profile& p, std::string& kind_id);

}  // namespace wenfeng::rules
