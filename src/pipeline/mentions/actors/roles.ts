/**
 * Clause cues for the event stage: is an actor the one acting ('agent'), the one acted on
 * ('patient'), only the one speaking (speaker), and did it claim responsibility?
 * Plain-English cues on the words around the mention, inside its sentence; no parser.
 */
import type { ActorMention, Sentence } from '../../../model/index.js';

const CLAIM = new RegExp(
  [
    String.raw`\b(?:claim(?:ed|s|ing)?|own(?:ed|s)?|accept(?:ed|s)?|took|take[sn]?|taking|assum(?:ed|es))\s+(?:the\s+|full\s+|sole\s+)*responsibility\b`,
    String.raw`\bresponsibility\b[^.;]{0,100}?\b(?:was|has\s+been|had\s+been|is|been)\s+claimed\b`,
    String.raw`\bclaim(?:s|ed)?\s+(?:the|that|an|a|this|last|its|their|yesterday's|the\s+latest)?\s*(?:\w+\s+)?(?:attacks?|bombings?|blasts?|killings?|assaults?|ambush(?:es)?|strikes?|operations?|abductions?|kidnappings?|raids?|murders?|assassinations?|beheadings?|executions?)\b`,
    String.raw`\bsaid\s+(?:it|they)\s+(?:had\s+)?(?:carried\s+out|was\s+behind|were\s+behind|conducted|launched|staged)\b`,
  ].join('|'),
  'i',
);
const CLAIMED_BY = /\bclaimed\s+by\s+(?:the\s+)?$/i;

const BY_AGENT = /\bby\s+(?:(?:the|a|an|some|suspected|unidentified|unknown|armed|alleged|heavily|masked|local)\s+)*$/i;
/** "findings released by ISAF", "a report published by": who tells, not who acts. */
const BY_SOURCE = /\b(?:released|published|issued|compiled|presented|carried|quoted|cited|reported|confirmed|announced|shared|posted|made public|signed)\s+by\s+(?:(?:the|a|an)\s+)*$/i;

const PASSIVE_AFTER =
  /^\s*,?\s*(?:who\s+|that\s+)?(?:were|was|have\s+been|has\s+been|had\s+been|got|are|is|being|been)\s+(?:\w+ly\s+|also\s+|reportedly\s+|allegedly\s+)?(?:killed|shot|injured|wounded|abducted|kidnapped|attacked|targeted|ambushed|martyred|arrested|detained|hurt|hit|beheaded|executed|massacred|slain|murdered|lynched|taken|burned|burnt|hacked|stabbed|raped|displaced|dead|among|rescued|freed|released|tortured|beaten|dispersed|tear-?gassed|evacuated|held|captured|trapped|besieged|forced|robbed|missing)\b/i;
const DIED_AFTER = /^\s*(?:[\w-]+\s+){0,2}?(?:died|perished|lost\s+(?:their|his|her)\s+li(?:fe|ves)|succumbed|embraced\s+martyrdom|were\s+martyred|was\s+martyred)\b/i;
// Headline style: "Five soldiers killed in attack".
const BARE_PASSIVE_AFTER = /^\s*(?:(?:killed|shot\s+dead|injured|wounded|abducted|kidnapped|martyred|murdered|slain|beheaded|executed|lynched|stabbed|massacred|dead|hurt|hacked\s+to\s+death|beaten\s+to\s+death|burnt\s+alive|burned\s+alive)\b(?=\s*(?:in|during|as|when|after|while|near|amid|at|on|by|and|,|\.|;|:|$))|shot\b(?=\s*(?:in|during|as|when|after|while|near|amid|by|,|\.|;|:|$)))/i;
// "a jihadist attack", "a police raid": the actor word names who carried out the act.
const ATTRIBUTIVE_ACT = /^\s+(?:attacks?|assaults?|raids?|ambush(?:es)?|bombings?|air\s*strikes?|airstrikes?|drone\s+strikes?|strikes?|offensive|violence|insurgency|shelling|gunfire|incursions?|crackdown|operations?|onslaught)\b/i;

const ACTIVE_AFTER = new RegExp(
  String.raw`^\s*(?:,[^,]{1,60},\s*)?(?:(?:backed|supported|aided|led|accompanied|assisted|armed|loyal)\s+(?:by|to|with)\s+[^,;]{1,40}?\s+(?=\w))?(?:(?:have|has|had|reportedly|allegedly|also|then|later|again|yesterday|overnight|early|reportedly|jointly|\w+ly|on\s+\w+day|last\s+\w+|later\s+on)\s+){0,3}` +
    String.raw`(?:attack|kill|shot\b|shoot|open(?:ed|s)?\s+fire|fire[ds]?\b|storm|ambush|abduct|kidnap|raid|shell|bomb|torch|burn|set\s+(?:ablaze|fire)|launch|carr(?:y|ied)\s+out|target|strik|struck|hit\b|captur|seiz|loot|beat\b|lynch|arrest|detain|dispers|clash|fought|fight|overr[au]n|massacr|execut|behead|hack|stab|plant|detonat|blew\s+up|rampag|invad|besieg|took\s+(?:control|over|back)|retook|recaptur|regain|liberat|clear(?:ed)?\s|push(?:ed)?\s|advanc|drove|overran|destroy|hurl|threw|lob|murder|gun(?:ned)?\s+down|mow|rap(?:e|ed)\b|assault|tortur|pelt|vandali|block|march|protest|demonstrat|rall(?:y|ied)|gather|chant|engag|repuls|repel|retaliat|pound|overw|round(?:ed)?\s+up|cordon|raz(?:e|ed)|ransack|used|fired|surround|infiltrat|intercept|neutrali[sz]|eliminat|took\s+to\s+the\s+streets|staged|killed|abducted|kidnapped|stormed)`,
  'i',
);

const OBJECT_BEFORE = new RegExp(
  String.raw`\b(?:kill(?:ed|ing|s)?|attack(?:ed|ing|s)?|ambush(?:ed|ing|es)?|target(?:ed|ing|s)?|abduct(?:ed|ing|s)?|kidnap(?:ped|ping|s)?|shot|shoot(?:ing|s)?|injur(?:ed|ing|es)?|wound(?:ed|ing|s)?|arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|against|martyr(?:ed|ing)?|execut(?:ed|ing|es)?|behead(?:ed|ing|s)?|massacr(?:ed|ing|es)|struck|strik(?:e|es|ing)|dispers(?:ed|ing|e)|fired\s+(?:up)?on|fired\s+at|(?:fired|lobbed|used|sprayed)\s+(?:tear\s*gas|teargas|rubber\s+bullets|live\s+(?:ammunition|rounds|bullets)|water\s+cannons?|warning\s+shots|pellets)\s+(?:at|on|against|into)|opened\s+fire\s+(?:on|at)|clash(?:ed|es|ing)?\s+with|fighting\s+(?:with|against)|fought(?:\s+(?:with|against))?|raided|rounded\s+up|repell?(?:ed|ing)?|repuls(?:ed|ing)|routed|pushed\s+back|drove\s+out|expelled|dislodged|overpowered|engag(?:ed|ing)|confront(?:ed|ing)|battl(?:ed|ing)|surround(?:ed|ing)|besieg(?:ed|ing)|bomb(?:ed|ing)|shell(?:ed|ing)|pound(?:ed|ing)|hit(?:ting)?|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|intercept(?:ed|ing)|disarm(?:ed|ing)|rob(?:bed|bing)?|lynch(?:ed|ing)?|beat(?:en|ing)?|tortur(?:ed|ing)|rap(?:ed|ing)|assault(?:ed|ing)?|storm(?:ed|ing)|overr(?:an|un)|hold(?:ing)?\s+hostage|(?:attacks?|assaults?|raids?|strikes?|ambush(?:es)?|offensive|crackdown|fire|firing|shelling|bombardment)\s+(?:on|against|targeting|at))\s+` +
    String.raw`(?:(?:the|a|an|at\s+least|some|several|dozens\s+of|scores\s+of|hundreds\s+of|more\s+than|over|up\s+to|nearly|about|around|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|a\s+group\s+of|a\s+convoy\s+of|a\s+team\s+of|members\s+of|its|their|his|her)\s+)*(?:[a-z][\w-]*\s+){0,2}$`,
  'i',
);

// "the junta's airstrikes", "the BLA's attack": the owner of a violent act is its agent.
const POSSESSIVE_ACT = /^['’]s?\s+(?:[\w-]+\s+){0,2}?(?:air\s*strikes?|airstrikes?|drone\s+strikes?|strikes?|attacks?|assaults?|offensive|raids?|shelling|bombing|bombardment|ambush|onslaught|crackdown|operation|operations|gunfire|fire|rockets?|missiles?|drones?)\b/i;
// Between two coordinated actors: "X and Y", "X, Y and Z".
const COORDINATED = /^\s*(?:,\s*)?(?:and|or|as\s+well\s+as|along\s+with|together\s+with|,)\s*(?:the\s+|a\s+|an\s+|some\s+|\d+\s+)?$/i;

// "retook the town from the rebels": the side that lost ground is acted on.
const FROM_PATIENT = /\b(?:took|taken|retook|recaptur\w*|seiz\w*|wrest\w*|liberat\w*|regain\w*|clear\w*|expel\w*|push\w*|drove|driven|captur\w*)\b[^,;]{0,60}\bfrom\s+(?:the\s+)?$/i;

/** "… said it had killed", "claimed that they attacked": a speaker telling its own act. */
// (headlines drop the pronoun: "Army says killed 20 militants")
const SAID_IT_DID = /^\s*(?:(?:on|late|early|last)\s+\w+\s+)?(?:said|says|claimed|claims|announced)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:(?:it|they)\s+)?(?:had\s+|have\s+|has\s+)?(?:killed|attacked|carried out|shot|destroyed|downed|ambushed|captured|seized|struck|targeted|bombed|shelled|executed|abducted)\b/i;
// (a place phrase may come between: "Kurdish authorities in Iraq said")
const SPEAKER_AFTER = /^\s*(?:(?:in|of|from)\s+(?:the\s+)?(?:\p{Lu}[\w'’.-]*\s+){1,3})?(?:officials?|spokes(?:man|person|woman)|sources?|statement|said|says|told|stated|confirmed|reported|announced|added|claimed\s+that|media\s+wing|press\s+release|in\s+a\s+statement)\b/iu;
const SPEAKER_BEFORE = /\b(?:according\s+to|said|told|quoted)\s+(?:the\s+|a\s+)?$/i;

/**
 * Set role_hint, claimed and speaker on the mentions of one sentence (mutates them).
 * Rules, first that applies: "claimed by X" / X before "claimed responsibility" → agent + claimed;
 * "by X" → agent; "X were killed" / "X died" → patient; "X attacked" → agent; "killed X" / "attack on X" → patient.
 */
export function addRoleHints(mentions: ActorMention[], s: Sentence, text: string): void {
  if (mentions.length === 0) return;
  const claim = CLAIM.exec(s.text);
  const claimAt = claim ? s.start + claim.index : -1;
  for (const [idx, m] of mentions.entries()) {
    const before = text.slice(Math.max(s.start, m.start - 90), m.start);
    let after = text.slice(m.end, Math.min(s.end, m.end + 120));
    // "the police station was attacked": read the clause after the facility word.
    if (m.facility) after = after.replace(/^\s*[\w-]+(?:\s+(?:on|in|at|of|near)\s+(?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]*)?)?/, '');
    m.role_hint = null;
    // "Al-Shabaab said it had killed 12 soldiers": the speaker tells its own act, a claim
    if (SAID_IT_DID.test(after) && m.kind !== 'civilians' && m.kind !== 'protesters') {
      m.claimed = true;
      m.role_hint = 'agent';
      continue;
    }
    if (SPEAKER_AFTER.test(after) || SPEAKER_BEFORE.test(before)) m.speaker = true;
    if (claim && m.kind !== 'civilians' && m.kind !== 'protesters') {
      // The claimant: the last non-civilian actor before the claim words, or the one right after "claimed by".
      const laterBefore = mentions.slice(idx + 1).some((o) => o.end <= claimAt && o.kind !== 'civilians' && o.kind !== 'protesters');
      if ((m.end <= claimAt && !laterBefore) || CLAIMED_BY.test(before)) {
        m.claimed = true;
        m.role_hint = 'agent';
        continue;
      }
    }
    if ((BY_AGENT.test(before) && !BY_SOURCE.test(before)) || POSSESSIVE_ACT.test(after) || ATTRIBUTIVE_ACT.test(after)) m.role_hint = 'agent';
    else if (PASSIVE_AFTER.test(after) || DIED_AFTER.test(after) || BARE_PASSIVE_AFTER.test(after)) m.role_hint = 'patient';
    else if (ACTIVE_AFTER.test(after)) m.role_hint = 'agent';
    else if (OBJECT_BEFORE.test(before) || FROM_PATIENT.test(before)) m.role_hint = 'patient';
  }
  // Coordinated actors share a role: "killed X and Y" (forward), "X and Y were killed" (backward).
  for (let k = 1; k < mentions.length; k++) {
    const [a, b] = [mentions[k - 1]!, mentions[k]!];
    // (not to a speaker: "killing nine people, police said")
    if (!b.role_hint && !b.speaker && a.role_hint && !a.claimed && COORDINATED.test(text.slice(a.end, b.start))) b.role_hint = a.role_hint;
  }
  for (let k = mentions.length - 2; k >= 0; k--) {
    const [a, b] = [mentions[k]!, mentions[k + 1]!];
    if (!a.role_hint && !a.speaker && b.role_hint && !b.claimed && COORDINATED.test(text.slice(a.end, b.start))) a.role_hint = b.role_hint;
  }
}
