export interface FaqEntry {
  id: string;
  question: string;
  answer: string;
  /** Words people search with that the question and answer may not contain. */
  keywords: readonly string[];
}

export const FAQ: readonly FaqEntry[] = [
  {
    id: 'what-can-i-buy',
    question: 'Which products can I buy myself?',
    answer:
      'Products marked self-service in your catalog. Others are sold by contract: contact your sales representative for those.',
    keywords: ['catalog', 'self-service', 'purchase', 'order', 'contract'],
  },
  {
    id: 'first-charge',
    question: 'What am I charged when I buy?',
    answer:
      'The full first term (a month or a year) for every license, plus sales tax, on the card you choose. The subscription renews on the same day next month or next year.',
    keywords: ['price', 'cost', 'buy', 'monthly', 'annual', 'yearly', 'term', 'renewal'],
  },
  {
    id: 'add-licenses',
    question: 'How do I add licenses, and what does it cost?',
    answer:
      'Open the subscription and enter the new total, for example 105 instead of 100. You pay today only for the days left in the current term: the per-license price times the added licenses times the days left, divided by the days in the term, plus tax. The form shows the amount before you save.',
    keywords: ['increase', 'more', 'seats', 'proration', 'prorated', 'upgrade', 'quantity'],
  },
  {
    id: 'remove-licenses',
    question: 'Can I reduce the number of licenses?',
    answer:
      'Yes, down to the number of people who have a license. Unassign people first if you need to go lower. You get a prorated credit for the days left in the term, shown as a credit invoice.',
    keywords: ['decrease', 'fewer', 'seats', 'refund', 'credit', 'downgrade', 'quantity'],
  },
  {
    id: 'assign',
    question: 'How do I give someone a license?',
    answer:
      'Assign it from the subscription: pick up to 20 people of your organization at a time, as many as there are free licenses. A canceled subscription can still be assigned until it expires.',
    keywords: ['assign', 'user', 'people', 'colleague', 'seat', 'access', 'invite'],
  },
  {
    id: 'unassign',
    question: 'What happens when I unassign someone?',
    answer: 'Their license becomes free for someone else. The license count and your bill stay the same until you change the total.',
    keywords: ['remove', 'revoke', 'user', 'leaver', 'seat'],
  },
  {
    id: 'cancel',
    question: 'What happens when I cancel a subscription?',
    answer:
      'It will not renew. Everyone keeps using it until the end of the term you paid for, and you can reactivate it until then. After that it expires and has to be bought again.',
    keywords: ['cancel', 'stop', 'end', 'expire', 'reactivate', 'undo', 'renewal'],
  },
  {
    id: 'card-storage',
    question: 'Is my card number stored?',
    answer:
      'No. The card number and security code are checked and then discarded. Only the brand, the last four digits, the expiry date, the name and the billing address are kept.',
    keywords: ['security', 'privacy', 'credit card', 'cvc', 'cvv', 'payment', 'safe'],
  },
  {
    id: 'replace-card',
    question: 'How do I change the card that pays for my subscriptions?',
    answer:
      'Replace the card: subscriptions paid by the old card are paid by the new one from then on, without any other change. To update only the expiry date, name or address, edit the card instead; you need its security code.',
    keywords: ['payment method', 'expired', 'update', 'new card', 'billing', 'visa', 'mastercard', 'amex'],
  },
  {
    id: 'invoices',
    question: 'Where do I find my invoices?',
    answer:
      'The invoice list shows the past 3 months at first. Choose the past 6 months, or pick dates up to 24 months apart. Every invoice can be downloaded as a text file.',
    keywords: ['invoice', 'receipt', 'statement', 'download', 'history', 'tax'],
  },
  {
    id: 'support',
    question: 'How do I contact support?',
    answer:
      'Send a support request with a subject and a description. It goes to your organization’s IT admins as soon as Seatkeeper is signed in and online; written offline, it waits on this device until then. Your list of requests shows when IT received each one and when they handled it, and IT replies to the email address you give.',
    keywords: ['help', 'contact', 'question', 'problem', 'offline', 'email', 'admin', 'status', 'received', 'handled'],
  },
];

/** Words that would match almost every entry and say nothing about what is being asked. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'can', 'do', 'does', 'for', 'how', 'i', 'in', 'is', 'it', 'my', 'of', 'on', 'the', 'to', 'what', 'when', 'where', 'why']);

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Keywords weigh most, then the question, then the answer; matching more of the query's words ranks
 * first. The last query word may be half typed, so it matches the start of a word; the others match
 * whole words ("add" should not find "address").
 */
function score(entry: FaqEntry, queryWords: readonly string[]): { matched: number; weight: number } {
  const fields: [string[], number][] = [
    [words(entry.keywords.join(' ')), 3],
    [words(entry.question), 2],
    [words(entry.answer), 1],
  ];
  let matched = 0;
  let weight = 0;
  for (const [i, q] of queryWords.entries()) {
    const hits = i === queryWords.length - 1 ? (word: string) => word.startsWith(q) : (word: string) => word === q;
    const best = Math.max(0, ...fields.map(([ws, w]) => (ws.some(hits) ? w : 0)));
    if (best > 0) matched++;
    weight += best;
  }
  return { matched, weight };
}

/** Entries matching any meaningful word of the query, best first; every entry when there is none. */
export function searchFaq(query: string): FaqEntry[] {
  const queryWords = words(query).filter((w) => !STOP_WORDS.has(w));
  if (!queryWords.length) return [...FAQ];
  return FAQ.map((entry, index) => ({ entry, index, ...score(entry, queryWords) }))
    .filter((hit) => hit.matched > 0)
    .sort((a, b) => b.matched - a.matched || b.weight - a.weight || a.index - b.index)
    .map((hit) => hit.entry);
}
