import { useState } from 'preact/hooks';
import { searchFaq } from '../../../lib/help/faq';
import { Field } from '../../../components/Field';
import { ContactSupport } from './ContactSupport';

/** Help: a searchable FAQ and a Contact support form whose requests reach the organization’s IT admins. */
export function HelpSection() {
  const [query, setQuery] = useState('');
  const results = searchFaq(query);
  return (
    <>
      <h1>Help</h1>
      <section aria-labelledby="faq-heading" class="faq">
        <h2 id="faq-heading">Frequently asked questions</h2>
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <Field
            label="Search help"
            name="faq-search"
            type="search"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </form>
        <p class="muted" role="status">
          {query.trim() ? `${results.length} ${results.length === 1 ? 'answer' : 'answers'} found` : ''}
        </p>
        {results.length === 0 ? (
          <p>No answers match “{query.trim()}”. Try other words, or contact support below.</p>
        ) : (
          results.map((entry) => (
            <details key={entry.id}>
              <summary>{entry.question}</summary>
              <p>{entry.answer}</p>
            </details>
          ))
        )}
      </section>
      <ContactSupport />
    </>
  );
}
