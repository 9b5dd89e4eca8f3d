export function App() {
  return <main><h1>Seatkeeper</h1></main>;
}
