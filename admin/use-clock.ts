import { useEffect, useState } from 'preact/hooks';

const TICK_MS = 60_000;

/**
 * The console's clock, ticking every minute: statuses and "expiring within 30 days" follow the
 * date as a console left open overnight crosses midnight.
 */
export function useClock(): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}
