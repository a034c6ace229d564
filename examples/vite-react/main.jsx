// An experiment resolved in the browser and rendered by the React adapter:
// nothing shows until the answer is final, then the variant's entry.
import { init } from 'cohort-ab';
import { Experiment } from 'cohort-ab/react';
import { createRoot } from 'react-dom/client';

init({
  definitions: { experiments: [{ name: 'pill_color', variants: ['control', 'red'], weights: [0, 1] }] },
  context: { actor: 'user:42' },
  onError: (error) => document.body.setAttribute('data-error', `${error.source}: ${error.message}`),
});

function App() {
  return (
    <Experiment
      name="pill_color"
      variants={{
        control: <button className="pill">grey pill</button>,
        red: <button className="pill red">red pill</button>,
      }}
    />
  );
}

createRoot(document.getElementById('app')).render(<App />);
