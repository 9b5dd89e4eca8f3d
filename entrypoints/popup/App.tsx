export function App() { return <h1>Seatkeeper</h1>; }
